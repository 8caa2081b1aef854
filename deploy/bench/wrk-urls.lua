-- For wrk: each request takes the next path of the URL file given after "--" (one URL per line), starting at a
-- random line per thread, so a list of random ids or cursors is read the way HttpBench's --urls reads it.
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line:gsub("^https?://[^/]+", "")
    end
  end
  math.randomseed(os.time())
  i = math.random(#paths)
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
