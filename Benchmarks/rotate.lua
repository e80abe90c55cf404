-- wrk script: every request uses a random one of the seeded users, with that user's key and one of
-- that user's own rows, so no key or row stays hot and every request is allowed (2xx expected).
-- Arguments after `--`: MODE KEYS_FILE [THREADS RUN]
--   MODE       me | user | event-type | patch-event-type | schedules | bookings | bookings-page |
--              booking | book
--   KEYS_FILE  one line per user: "<user id> <key> <event type ids,…> <booking ids,…>"
--   THREADS    wrk's -t (book only: slots are striped over the threads)
--   RUN        a small integer, different for every wrk invocation of `book` (warm-up, measured
--              run), so that no invocation books a slot an earlier one already took
local users = {}
mode = "me" -- global: done() reads it from each thread
local threads, run, thread_index = 1, 0, 0
local edits = 0
-- book: per user, how many slots this thread has booked for that user so far.
local booked = {}
-- book: answers that were not 2xx, told apart by cause (read back by done()).
collisions, failures = 0, 0

local function split(text, separator)
  local items = {}
  for item in string.gmatch(text or "", "[^" .. separator .. "]+") do items[#items + 1] = item end
  return items
end

-- Runs once per thread, in the main Lua state, before that thread's init(): numbers the threads.
local setup_count = 0
local all_threads = {}
function setup(thread)
  thread:set("thread_index", setup_count)
  setup_count = setup_count + 1
  all_threads[#all_threads + 1] = thread
end

function init(args)
  mode = args[1] or mode
  threads = tonumber(args[3]) or 1
  run = tonumber(args[4]) or 0
  thread_index = _G.thread_index or 0
  local file = assert(io.open(args[2], "r"))
  for line in file:lines() do
    local fields = split(line, " ")
    if #fields >= 2 then
      users[#users + 1] = { id = fields[1], key = fields[2], event_types = split(fields[3], ","), bookings = split(fields[4], ",") }
    end
  end
  file:close()
  math.randomseed(os.time() + thread_index * 7919 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
  -- Only `book` needs the answers' bodies; wrk parses them only when a response() function exists.
  if mode ~= "book" then response = nil end
end

local function pick(list) return list[math.random(1, #list)] end

-- Monday 2030-01-07 00:00 UTC: every booked slot lies after it, beyond the seeded bookings (which end
-- one year after the seeding).
local base = 1893974400
local day, week = 86400, 7 * 86400

-- The n-th slot a thread books for one user, as an ISO 8601 start: 30 minutes long, Monday to Friday
-- 09:00–15:00 UTC (12 slots a day), inside the seeded schedules' 09:00–17:00 Europe/Paris whether
-- Paris is at UTC+1 or UTC+2. Slot indexes are striped over the threads (n * threads + thread_index),
-- so two threads never book the same slot of a user, and each wrk invocation (RUN) starts 520 weeks
-- after the previous one.
local function slot_start(n)
  local s = n * threads + thread_index
  local d = math.floor(s / 12) -- LuaJIT (wrk's Lua) has no integer division operator
  local t = base + (run * 520 + math.floor(d / 5)) * week + (d % 5) * day + 9 * 3600 + (s % 12) * 1800
  return os.date("!%Y-%m-%dT%H:%M:00Z", t)
end

function request()
  local u = math.random(1, #users)
  local user = users[u]
  local auth = "?apiKey=" .. user.key
  if mode == "user" then
    return wrk.format("GET", "/v1/users/" .. user.id .. auth)
  elseif mode == "event-type" then
    return wrk.format("GET", "/v1/event-types/" .. pick(user.event_types) .. auth)
  elseif mode == "patch-event-type" then
    edits = edits + 1
    return wrk.format("PATCH", "/v1/event-types/" .. pick(user.event_types) .. auth,
                      { ["Content-Type"] = "application/json" }, '{"title":"Bench ' .. edits .. '"}')
  elseif mode == "schedules" then
    return wrk.format("GET", "/v1/schedules" .. auth)
  elseif mode == "bookings" then
    return wrk.format("GET", "/v1/bookings" .. auth .. "&take=10")
  elseif mode == "bookings-page" then
    return wrk.format("GET", "/v1/bookings" .. auth .. "&take=10&page=1")
  elseif mode == "booking" then
    return wrk.format("GET", "/v1/bookings/" .. pick(user.bookings) .. auth)
  elseif mode == "book" then
    local n = booked[u] or 0
    booked[u] = n + 1
    local body = '{"eventTypeId":' .. pick(user.event_types) .. ',"start":"' .. slot_start(n) .. '",' ..
                 '"timeZone":"Europe/London","language":"en","metadata":{},' ..
                 '"responses":{"name":"Bench Booker","email":"booker' .. user.id .. '@example.com",' ..
                 '"guests":["guest' .. user.id .. '@example.org"]}}'
    return wrk.format("POST", "/v1/bookings" .. auth, { ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", "/v1/me" .. auth)
end

-- book only (init removes it otherwise): a slot already taken answers 400
-- no_available_users_found_error; anything else that is not 2xx is a failure.
function response(status, headers, body)
  if status >= 300 then
    if body and string.find(body, "no_available_users", 1, true) then
      collisions = collisions + 1
    else
      failures = failures + 1
    end
  end
end

-- Main Lua state, after the run: the book counters of every thread, on one line for scripts/bench.
function done(summary, latency, requests)
  local c, f, any = 0, 0, false
  for _, thread in ipairs(all_threads) do
    if thread:get("mode") == "book" then any = true end
    c = c + (tonumber(thread:get("collisions")) or 0)
    f = f + (tonumber(thread:get("failures")) or 0)
  end
  if any then io.write(string.format("book: collisions %d, other non-2xx %d\n", c, f)) end
end
