shodo inert sample: deliberate syntax error, this script never runs (
eval(atob('YWxlcnQoMSk='));
