-- wrk script: Segment batches of BATCH track events each, every event with its own messageId (so none
-- is deduplicated), as analytics-node sends them. Reports requests/s and events/s at the end.
local batch = tonumber(os.getenv("BATCH") or "100")
local key = os.getenv("WRITE_KEY")
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
end

local function basic(user)
  local b = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local data = user .. ":"
  return ((data:gsub(".", function(x)
    local r, byte = "", x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. basic(key) }

request = function()
  counter = counter + 1
  local parts = {}
  for i = 1, batch do
    parts[i] = string.format('{"type":"track","userId":"user-%d","event":"%s","messageId":"%s-%d-%d-%d",'
      .. '"properties":{"plan":"Growth","seats":%d},"timestamp":"2026-11-23T01:00:00Z"}',
      (counter * batch + i) % 50000, names[(i % #names) + 1], run, id, counter, i, i)
  end
  local body = '{"batch":[' .. table.concat(parts, ",") .. '],"context":{"library":{"name":"bench"}},'
    .. '"sentAt":"2026-11-23T01:00:01Z"}'
  return wrk.format("POST", "/v1/batch", headers, body)
end

done = function(summary, latency, requests)
  local rate = summary.requests / (summary.duration / 1e6)
  io.write(string.format("requests=%d errors(status>=400)=%d throughput=%.0f req/s = %.0f events/s p50=%.1fms p99=%.1fms max=%.1fms\n",
    summary.requests, summary.errors.status, rate, rate * batch,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
