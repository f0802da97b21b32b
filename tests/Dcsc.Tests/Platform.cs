// The suite runs where dcsc's CI runs (.ci/run: Linux; macOS works too). The robustness tests take read and write
// permission away with Unix file modes (File.SetUnixFileMode), which Windows does not have.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
