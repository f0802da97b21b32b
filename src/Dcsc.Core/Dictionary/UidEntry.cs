namespace Dcsc.Dictionary;

/// <summary>A registered (or statement-declared) UID.</summary>
/// <param name="Uid">The UID, e.g. <c>1.2.840.10008.5.1.4.1.1.2</c>.</param>
/// <param name="Name">PS3.6 name (PS3.4 2025b name where that differs), e.g. <c>CT Image Storage</c>.</param>
/// <param name="Keyword">PS3.6 keyword, e.g. <c>CTImageStorage</c>; empty for a few retired UIDs.</param>
/// <param name="Type">The kind of UID.</param>
/// <param name="Retired">Retired in the edition the entry comes from.</param>
/// <param name="ServiceClass">The PS3.4 service class of a SOP Class (e.g. <c>Storage</c>); null when unknown.</param>
public sealed record UidEntry(string Uid, string Name, string Keyword, UidType Type, bool Retired, string? ServiceClass = null);
