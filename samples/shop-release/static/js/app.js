document.addEventListener('DOMContentLoaded',function(){var c=document.querySelector('#cart-count');if(c){c.textContent=localStorage.getItem('cart')||'0';}});
