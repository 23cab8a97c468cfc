-- wrk: the valid signup POST (BODY, CT, ORIGIN from the environment), each request with a key of
-- its own: `Idempotency-Key` when KEYED=1 (claimed and remembered), else `X-Bench-Key` of the same
-- length (nothing claimed). Counts answers whose status is not 303.
local body, ct, origin = os.getenv("BODY"), os.getenv("CT"), os.getenv("ORIGIN")
local name = os.getenv("KEYED") == "1" and "Idempotency-Key" or "X-Bench-Key-000"
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  counter = 0
  unexpected = 0
  prefix = string.format("%d-%d-", id, math.random(1, 1000000000))
end
function request()
  counter = counter + 1
  return wrk.format("POST", nil, { ["Content-Type"] = ct, ["Origin"] = origin, [name] = prefix .. counter }, body)
end
function response(status, headers, body) if status ~= 303 then unexpected = unexpected + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("unexpected") end
  io.write(string.format("RESULT %d %.6f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
