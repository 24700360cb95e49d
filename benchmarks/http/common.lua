-- Shared by the wrk scripts: the bearer token from the environment, a per-thread id prefix, and the SPEC §14
-- workload's random choices.
token = os.getenv("FOG_TOKEN")
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  math.randomseed(20261125 + thread_id)
  prefix = (os.getenv("FOG_PREFIX") or "bench") .. "-" .. thread_id .. "-"
  counter = 0
end

regions = { "us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast" }
cpus = { 1, 2, 4, 8, 16 }
memories = { 512, 1024, 2048, 4096, 8192, 16384 }

function pick(list)
  return list[math.random(#list)]
end

function post(path, body)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token }, body)
end
