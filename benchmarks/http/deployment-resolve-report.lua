-- Resolve and report: each resolution's lease is reported (success, a random latency) by a later request of the
-- same thread; half of the requests are resolves.
dofile(os.getenv("FOG_BENCH_DIR") .. "/common.lua")
local pending = {}

request = function()
  local lease = table.remove(pending)
  if lease then
    return post("/api/deployments/" .. lease.name .. "/report", string.format(
      '{"leaseId":"%s","success":true,"latencyMillis":%d}', lease.id, math.random(50)))
  end
  local name = "dep-" .. (math.random(50) - 1)
  last_name = name
  return post("/api/deployments/" .. name .. "/resolve", '{"sessionKey":"user-' .. math.random(10000) .. '"}')
end

response = function(status, headers, body)
  local id = body and body:match('"leaseId"%s*:%s*"([^"]+)"')
  local name = body and body:match('"deployment"%s*:%s*"([^"]+)"')
  if status == 200 and id and name then
    table.insert(pending, { id = id, name = name })
  end
end
