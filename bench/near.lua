-- wrk script: the events API's `near` query, a different place on each request.
-- Environment: NEAR_PLACES, places separated by "|" (city names or "lat,lon").

function init(args)
  places = {}
  for place in string.gmatch(os.getenv("NEAR_PLACES"), "[^|]+") do
    table.insert(places, place)
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local place = string.gsub(places[math.random(#places)], " ", "%%20")
  return wrk.format("GET", "/api/v1/events/?near=" .. place)
end
