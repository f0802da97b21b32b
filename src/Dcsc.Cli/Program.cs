Dcsc.Pipeline.StageTimer.Mark("main");
int code = Dcsc.Cli.CommandLine.Run(args);
Dcsc.Pipeline.StageTimer.Mark("exit");
return code;
