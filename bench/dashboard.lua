-- wrk script for the metrics API. MODE=default asks for the default dashboard (36 months, all accounts)
-- every time, as people opening the dashboard do; MODE=filtered picks a random segment, plan and range of
-- months on every request (thousands of combinations, so most are computed afresh rather than cached).
local mode = os.getenv("MODE") or "default"
local path = os.getenv("METRICS_PATH") or "/api/v1/metrics"
local token = os.getenv("TOKEN")
local segments = { "", "", "SMB", "MID_MARKET", "ENTERPRISE" }
local plans = { "", "", "Starter", "Growth", "Business", "Enterprise" }

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

local function month(offset)
  local t = os.date("*t")
  local m = t.year * 12 + (t.month - 1) - offset
  return string.format("%04d-%02d", math.floor(m / 12), m % 12 + 1)
end

request = function()
  local q = path
  if mode == "filtered" then
    local last = math.random(0, 11)
    local length = math.random(12, 36)
    q = q .. "?segment=" .. segments[math.random(#segments)] .. "&plan=" .. plans[math.random(#plans)]
      .. "&from=" .. month(last + length - 1) .. "&to=" .. month(last)
  end
  local headers = {}
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", q, headers)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status>=400)=%d throughput=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
