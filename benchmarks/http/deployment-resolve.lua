-- Resolve calls: a replica of one of 50 deployments for a session (leases left to settle by themselves).
dofile(os.getenv("FOG_BENCH_DIR") .. "/common.lua")

request = function()
  return post("/api/deployments/dep-" .. (math.random(50) - 1) .. "/resolve",
    '{"sessionKey":"user-' .. math.random(10000) .. '"}')
end
