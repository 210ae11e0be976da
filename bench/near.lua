-- wrk script: the events API's `near` query, a different place on each request.
-- Environment: NEAR_PLACES, places separated by "|" (city names or "lat,lon").

function init(args)
  places = {}
  for place in string.gmatch(os.getenv("NEAR_PLACES"), "[^|]+") do
    table.insert(places, place)
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

-- Percent-encoded as a browser sends it ("São Paulo" is "S%C3%A3o%20Paulo").
local function escape(text)
  return (string.gsub(text, "[^%w%-%._~,]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function request()
  return wrk.format("GET", "/api/v1/events/?near=" .. escape(places[math.random(#places)]))
end
