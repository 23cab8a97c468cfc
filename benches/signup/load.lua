-- wrk: METHOD, BODY_FILE, CT, ORIGIN, REFERER from the environment (a post carries them and
-- Accept: text/html, as a browser with JavaScript off sends it); counts answers whose status is not EXPECT.
wrk.method = os.getenv("METHOD")
local body_file = os.getenv("BODY_FILE")
if body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("CT")
  wrk.headers["Origin"] = os.getenv("ORIGIN")
  wrk.headers["Referer"] = os.getenv("REFERER")
  wrk.headers["Accept"] = "text/html,application/xhtml+xml"
end
local expect = tonumber(os.getenv("EXPECT"))
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) unexpected = 0 end
function response(status, headers, body) if status ~= expect then unexpected = unexpected + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("unexpected") end
  io.write(string.format("RESULT %d %.6f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
