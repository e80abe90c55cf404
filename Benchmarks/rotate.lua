-- wrk script: every request uses a random one of the seeded users' keys, so no key or row stays hot.
-- Arguments after `--`: MODE (me | user) KEYS_FILE (line u = "<user id> <key>").
local ids, keys = {}, {}
local mode = "me"

function init(args)
  mode = args[1] or mode
  local file = assert(io.open(args[2], "r"))
  for line in file:lines() do
    local id, key = line:match("^(%d+) (%S+)$")
    if id then ids[#ids + 1] = id; keys[#keys + 1] = key end
  end
  file:close()
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

function request()
  local u = math.random(1, #keys)
  if mode == "user" then
    return wrk.format("GET", "/v1/users/" .. ids[u] .. "?apiKey=" .. keys[u])
  end
  return wrk.format("GET", "/v1/me?apiKey=" .. keys[u])
end
