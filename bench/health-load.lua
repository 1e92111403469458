-- wrk script: Segment batches of BATCH track events from USERS users that were grouped with demo accounts
-- beforehand (users u-0 … u-(USERS-1)), paced by DELAY_MS between a connection's requests so that the
-- rate can be held near a target (wrk itself sends as fast as it can). Reports events/s at the end.
local batch = tonumber(os.getenv("BATCH") or "500")
local users = tonumber(os.getenv("USERS") or "20000")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local key = os.getenv("WRITE_KEY_B64")
local run = os.getenv("RUN") or tostring(os.time())
local names = { "Signed In", "Report Exported", "Dashboard Viewed", "Guide Completed", "Invite Sent", "Search Used" }
local threads = {}
local counter = 0
local id = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  id = tonumber(wrk.thread:get("id")) or 0
  math.randomseed(id * 7919 + os.time())
end

function delay()
  return pause
end

local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. key }

request = function()
  counter = counter + 1
  local parts = {}
  for i = 1, batch do
    parts[i] = string.format('{"type":"track","userId":"u-%d","event":"%s","messageId":"%s-%d-%d-%d"}',
      math.random(0, users - 1), names[(i % #names) + 1], run, id, counter, i)
  end
  return wrk.format("POST", "/v1/batch", headers, '{"batch":[' .. table.concat(parts, ",") .. ']}')
end

done = function(summary, latency, requests)
  local rate = summary.requests / (summary.duration / 1e6)
  io.write(string.format("requests=%d errors(status>=400)=%d throughput=%.0f events/s p50=%.1fms p99=%.1fms\n",
    summary.requests, summary.errors.status, rate * batch, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
