function luhn(cardnumber) { return cardnumber.length > 12; }
var cvv = document.getElementById('cvv');
fetch('/checkout/validate', {method: 'POST', body: JSON.stringify({ok: luhn(cvv.value)})});
