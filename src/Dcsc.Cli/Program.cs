using System.Globalization;
using Dcsc.Tool;

// Every number and date dcsc prints is formatted the same on every machine (CONTRIBUTING.md, "Style"): code passes
// CultureInfo.InvariantCulture where it formats, and the process culture is invariant for anything else.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
StageTimer.Mark("main");
int code = Dcsc.Cli.CommandLine.Run(args);
StageTimer.Mark("exit");
return code;
