namespace Dcsc.Diagnostics;

public enum Severity { Off, Info, Warning, Error }
