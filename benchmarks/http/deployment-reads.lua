-- A read-heavy mix over 50 deployments: 49 % status, 50 % list pages, 1 % a scale between 3 and 4 replicas (which
-- makes the cached answers that could show it unread).
dofile(os.getenv("FOG_BENCH_DIR") .. "/common.lua")

local function get(path)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

request = function()
  local roll = math.random(100)
  local name = "dep-" .. (math.random(50) - 1)
  if roll == 1 then
    return post("/api/deployments/" .. name .. "/scale", string.format('{"replicas":%d}', 2 + math.random(2)))
  elseif roll <= 50 then
    return get("/api/deployments/" .. name)
  else
    return get("/api/deployments?limit=10&offset=" .. (10 * (math.random(5) - 1)))
  end
end
