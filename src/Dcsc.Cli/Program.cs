return Dcsc.Cli.CommandLine.Run(args);
