-- One node registration per request, each a new id, drawn from the SPEC §14 node workload.
dofile(os.getenv("FOG_BENCH_DIR") .. "/common.lua")

request = function()
  counter = counter + 1
  local body = string.format(
    '{"id":"%s%d","type":"COMPUTE_NODE","region":"%s","capacity":{"cpuCores":%d,"memoryMb":%d,"storageMb":10240,"gpuCount":%d},"onionCapable":%s}',
    prefix, counter, pick(regions), pick(cpus), pick(memories), math.random() < 0.2 and 1 or 0,
    math.random() < 0.5 and "true" or "false")
  return post("/api/nodes", body)
end
