-- wrk script for bench/run: one request shape per run, spread over the seeded users.
-- Settings come from the environment (wrk passes no arguments to init before threads start):
--   BENCH_CREDENTIALS  file of "email<TAB>token<TAB>cookie<TAB>calendar secret" lines (from `backcoach seed`)
--   BENCH_METHOD, BENCH_PATH, BENCH_BODY  the request; the path may hold {calendar}, the body {date} or {today}
--   BENCH_AUTH         none | token | cookie
--   BENCH_TODAY        YYYY-MM-DD; {date} counts back from it so every write is a distinct (user, date)
--   BENCH_THREADS      the -t given to wrk, to keep the threads' request numbers apart
--   BENCH_SERVERS, BENCH_SERVER  how many app servers are loaded at once and which one this wrk loads, so each
--                      server's wrk takes its own share of the users
--   BENCH_ONCE         1: one request per user, then the thread stops (a session can be logged once a day); the
--                      few requests a connection still sends after that are /bench/ping, counted as "extra"
-- Any answer other than 2xx counts as an error (wrk itself counts only 4xx and 5xx: a 303 to sign-in is not a page).

local next_thread = 0
local all_threads = {}
function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
  all_threads[#all_threads + 1] = thread
end

local users, method, path, body, auth, sent, threads, servers, server, today_epoch, today, once
not_2xx = 0
extra = 0

function init(args)
  users = {}
  for line in io.lines(os.getenv("BENCH_CREDENTIALS")) do
    local _, token, cookie, calendar = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
    users[#users + 1] = { token = token, cookie = cookie, calendar = calendar }
  end
  method = os.getenv("BENCH_METHOD") or "GET"
  path = os.getenv("BENCH_PATH")
  body = os.getenv("BENCH_BODY")
  if body == "" then body = nil end
  auth = os.getenv("BENCH_AUTH") or "none"
  threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  servers = tonumber(os.getenv("BENCH_SERVERS") or "1")
  server = tonumber(os.getenv("BENCH_SERVER") or "0")
  today = os.getenv("BENCH_TODAY")
  local y, m, d = today:match("(%d+)-(%d+)-(%d+)")
  today_epoch = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
  sent = 0
  once = os.getenv("BENCH_ONCE") == "1"
end

function request()
  -- Request k of all threads: user k mod N, and (k div N) mod 1000 days before today, so writes don't repeat a
  -- (user, date) pair within a run of fewer than N × 1000 requests.
  local k = (sent * threads + thread_index) * servers + server
  sent = sent + 1
  if once and k >= #users then
    extra = extra + 1
    return wrk.format("GET", "/bench/ping")
  end
  local user = users[(k % #users) + 1]
  local date = os.date("%Y-%m-%d", today_epoch - (math.floor(k / #users) % 1000) * 86400)
  local headers = {}
  if auth == "token" then headers["Authorization"] = "Bearer " .. user.token end
  if auth == "cookie" then headers["Cookie"] = "bc_session=" .. user.cookie end
  local this_body = nil
  if body then
    headers["Content-Type"] = "application/json"
    this_body = body:gsub("{date}", date):gsub("{today}", today)
  end
  local this_path = path:gsub("{calendar}", user.calendar):gsub("{date}", date)
  return wrk.format(method, this_path, headers, this_body)
end

function response(status, headers, response_body)
  if status < 200 or status > 299 then not_2xx = not_2xx + 1 end
  if once and (sent * threads + thread_index) * servers + server >= #users then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local e = summary.errors
  local wrong, pings = 0, 0
  for _, thread in ipairs(all_threads) do
    wrong = wrong + thread:get("not_2xx")
    pings = pings + thread:get("extra")
  end
  io.write(string.format("BENCH requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d mean_us=%d extra=%d\n",
    summary.requests - pings, summary.duration, wrong, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), math.floor(latency.mean), pings))
end
