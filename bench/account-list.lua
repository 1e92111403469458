-- wrk script: every request is a different filter + sort + page of the account list, like people
-- paging through the table. Reports p50/p90/p99/max at the end.
local stages = { "", "ONBOARDING", "ADOPTION", "RENEWAL", "EXPANSION", "CHURNED" }
local sizes = { "", "", "SMB", "MID_MARKET", "ENTERPRISE" }
local plans = { "", "", "", "Starter", "Growth", "Business", "Enterprise" }
local sorts = { "name", "employees", "stage", "plan", "updatedAt" }
local texts = { "", "", "", "", "sato", "inc", "tech" }
if os.getenv("TEXT_SEARCH") == "0" then texts = { "" } end
local path = os.getenv("LIST_PATH") or "/api/v1/accounts"
local token = os.getenv("TOKEN")
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local q = path .. "?stage=" .. stages[math.random(#stages)]
    .. "&size=" .. sizes[math.random(#sizes)]
    .. "&plan=" .. plans[math.random(#plans)]
    .. "&q=" .. texts[math.random(#texts)]
    .. "&sort=" .. sorts[math.random(#sorts)]
    .. "&dir=" .. (math.random(2) == 1 and "asc" or "desc")
    .. "&page=" .. (math.random(20) - 1)
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", q, headers)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status>=400)=%d throughput=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
