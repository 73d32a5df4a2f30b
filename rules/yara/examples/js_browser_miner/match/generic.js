shodo inert sample: deliberate syntax error, this script never runs (
var m = new Miner('k'); m.setThrottle(0.5); miner.start(); log(m.hashesPerSecond); // cryptonight
