-- wrk script for reliability/soak: a mix of what people do, paced to a target rate.
-- BENCH_CREDENTIALS as for bench/scenario.lua; SOAK_DELAY_MS is each connection's pause between requests.
local next_thread = 0
function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

local users, sent, pause
local mix = {
  { "GET", "/today", "cookie" },
  { "GET", "/api/v1/me/today", "token" },
  { "GET", "/api/v1/me/progress?days=90", "token" },
  { "PUT", "/api/v1/me/checkins/{date}", "token", '{"pain": 3, "note": "soak"}' },
  { "GET", "/learn/glute-strength", "none" },
  { "GET", "/calendar/{calendar}.ics", "none" },
  { "GET", "/api/v1/me/checkins", "token" },
  { "GET", "/progress", "cookie" },
}

function init(args)
  users = {}
  for line in io.lines(os.getenv("BENCH_CREDENTIALS")) do
    local _, token, cookie, calendar = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
    users[#users + 1] = { token = token, cookie = cookie, calendar = calendar }
  end
  pause = tonumber(os.getenv("SOAK_DELAY_MS") or "10")
  sent = 0
end

function delay()
  return pause
end

function request()
  sent = sent + 1
  local user = users[((sent * 7 + thread_index) % #users) + 1]
  local kind = mix[(sent % #mix) + 1]
  local headers = {}
  if kind[3] == "token" then headers["Authorization"] = "Bearer " .. user.token end
  if kind[3] == "cookie" then headers["Cookie"] = "bc_session=" .. user.cookie end
  local date = os.date("!%Y-%m-%d", os.time() - (sent % 300) * 86400)
  local path = kind[2]:gsub("{calendar}", user.calendar):gsub("{date}", date)
  if kind[4] then headers["Content-Type"] = "application/json" end
  return wrk.format(kind[1], path, headers, kind[4])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SOAK requests=%d duration_us=%d status_errors=%d socket_errors=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(99)))
end
