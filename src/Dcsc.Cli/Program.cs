using Dcsc.Tool;

StageTimer.Mark("main");
int code = Dcsc.Cli.CommandLine.Run(args);
StageTimer.Mark("exit");
return code;
