-- Heartbeats with random load from the nodes hb-1 .. hb-N (registered beforehand), spread over them.
dofile(os.getenv("FOG_BENCH_DIR") .. "/common.lua")
local nodes = tonumber(os.getenv("FOG_NODES") or "1000")

request = function()
  counter = counter + 1
  local id = "hb-" .. ((counter * 7 + thread_id * 131) % nodes + 1)
  local body = string.format('{"cpuPercent":%d,"memoryPercent":%d}', math.random(0, 100), math.random(0, 100))
  return post("/api/nodes/" .. id .. "/heartbeat", body)
end
