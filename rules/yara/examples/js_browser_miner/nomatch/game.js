var hashesPerSecond = 0; // a benchmark page, no miner
function start() { }
