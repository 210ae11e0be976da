-- wrk script: the public signup form POSTed with a unique email address per request.
-- Run with as many threads as connections (-tN -cN): each thread then has one connection and
-- sends its next request only after the last answer, so each answer pairs with one address.
-- Environment: SIGNUP_PATHS (space-separated form actions), SIGNUP_CSRF (the token, cookie and
-- field), SIGNUP_STAMP (the form's time stamp), SIGNUP_RUN (a tag), SIGNUP_OUT (a folder where
-- each thread writes "status email" lines).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for path in string.gmatch(os.getenv("SIGNUP_PATHS"), "%S+") do
    table.insert(paths, path)
  end
  csrf = os.getenv("SIGNUP_CSRF")
  stamp = os.getenv("SIGNUP_STAMP")
  run = os.getenv("SIGNUP_RUN")
  origin = wrk.scheme .. "://" .. wrk.headers["Host"]  -- wrk.init has set Host by now
  out = io.open(os.getenv("SIGNUP_OUT") .. "/thread-" .. id .. ".txt", "w")
  sent = 0
  pending = {}
  math.randomseed(id * 7919 + os.time())
end

local function escape(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function request()
  sent = sent + 1
  local email = run .. "-" .. id .. "-" .. sent .. "@example.org"
  table.insert(pending, email)
  local body = "csrfmiddlewaretoken=" .. escape(csrf)
    .. "&name=" .. escape("Bench Person " .. sent)
    .. "&email=" .. escape(email)
    .. "&phone=&accepted_code_of_conduct=on&website="
    .. "&stamp=" .. escape(stamp)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. csrf,
    -- As a browser's form post has it; over HTTPS Django's CSRF check demands it (or a Referer).
    ["Origin"] = origin,
  }
  return wrk.format("POST", paths[math.random(#paths)], headers, body)
end

function response(status, headers, body)
  -- One connection per thread, so the answer is to the latest request. Earlier entries were
  -- never sent (wrk calls request() once to check the script) or lost their connection.
  local email = pending[#pending]
  pending = {}
  out:write(status .. " " .. email .. "\n")
  out:flush()
end
