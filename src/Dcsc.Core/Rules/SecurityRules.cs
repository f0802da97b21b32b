using Dcsc.Diagnostics;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Security profiles (PS3.2 Section 8.4, PS3.15): every claimed profile is one of the PS3.15 list of the pinned
/// edition and not retired, sits in the table of its kind with its own section as reference, the TLS versions and
/// cipher suites fit the TLS profiles claimed (BCP 195 profiles require TLS 1.2 and forbid TLS 1.0/1.1, RFC 8996),
/// and a transport or user identity profile is claimed only for AEs that communicate. DCS0618–DCS0622.
/// </summary>
public sealed class SecurityRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.SecurityProfileUnknown, Descriptors.SecurityProfileRetired, Descriptors.TlsContradictsProfile,
        Descriptors.ProfileForAeWithoutNetworkRole, Descriptors.SecurityProfileMisfiled,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var claimed = new List<(SecurityProfile Claim, SecurityProfileEntry Entry)>();
        foreach (var p in s.Security.Profiles)
        {
            if (Lookup(ctx, p.Profile, p.Location.Of("profile")) is not { } entry) continue;
            claimed.Add((p, entry));
            Filing(ctx, p, entry);
            NetworkRole(ctx, s, p, entry);
        }
        foreach (var d in s.DeIdentification) Lookup(ctx, d.Profile, d.Location.Of("profile"));
        Tls(ctx, s, claimed);
    }

    // ------------------------------------------------------------------ DCS0618, DCS0619

    private static SecurityProfileEntry? Lookup(RuleContext ctx, string name, SourceSpan at)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var entry = SecurityProfiles.Find(name);
        if (entry is null)
        {
            var close = SecurityProfiles.Closest(name);
            ctx.Report(SecurityProfileUnknown(at, $"\"{Clip(name)}\" is not a profile of PS3.15 {SecurityProfiles.Edition}"
                + (close is not null ? $"; did you mean \"{close.Name}\" (PS3.15 {close.Section})?" : "; write the profile's PS3.15 name, or describe a product-specific mechanism in Section 8.6 instead")));
            return null;
        }
        if (entry.Retired)
        {
            var successor = entry.IsTls ? " (the current TLS profiles are PS3.15 B.12 and B.13)" : "";
            ctx.Report(SecurityProfileRetired(at, $"\"{name.Trim()}\" (PS3.15 {entry.Section}) is retired from the standard{successor}; claim a current profile, or list it under \"any additional or retired profile\" with a note that it is retired"));
        }
        return entry;
    }

    /// <summary>A name as quoted in a message: trimmed, at most 100 characters.</summary>
    private static string Clip(string name) => name.Trim() is { Length: > 100 } t ? t[..100] + "…" : name.Trim();

    // ------------------------------------------------------------------ DCS0622

    private static readonly Dictionary<string, string> KindTable = new(StringComparer.Ordinal)
    {
        ["secure_use"] = "8-2 Secure Use and User Identity Profiles", ["secure_transport"] = "8-3 Secure Transport Connection Profiles",
        ["media_storage"] = "Media Storage Security Profiles", ["digital_signature"] = "Digital Signature Profiles", ["other"] = "Additional DICOM Security Profiles",
    };

    private static void Filing(RuleContext ctx, SecurityProfile p, SecurityProfileEntry e)
    {
        // `other` takes any profile; user identity profiles belong with the secure use ones (Table 8-2).
        string expected = e.Kind == "user_identity" ? "secure_use" : e.Kind;
        if (p.Kind != "other" && p.Kind != expected && !(e.Kind == "user_identity" && p.Kind == "secure_use"))
            ctx.Report(SecurityProfileMisfiled(p.Location.Of("kind"),
                $"\"{e.Name}\" (PS3.15 {e.Section}) is listed with kind {p.Kind}; it belongs in Table {KindTable.GetValueOrDefault(expected, expected)}: write `kind: {expected}`"));
        if (p.Reference is { } reference && ReferencedSection(reference) is { } section && !section.Equals(e.Section, StringComparison.OrdinalIgnoreCase))
            ctx.Report(SecurityProfileMisfiled(p.Location.Of("reference"),
                $"reference \"{Clip(reference)}\" names PS3.15 {section}, but \"{Clip(p.Profile)}\" is PS3.15 {e.Section}; write `reference: PS3.15 {e.Section}`"));
    }

    /// <summary>The PS3.15 section a reference such as "PS3.15 B.13" or "PS 3.15 Annex B.12" names (null for other references, e.g. Annex C.2.5 of the statement).</summary>
    private static string? ReferencedSection(string reference)
    {
        var m = System.Text.RegularExpressions.Regex.Match(reference, @"PS\s?3\.15\D{0,12}?([A-H]\.\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return m.Success ? m.Groups[1].Value.ToUpperInvariant() : null;
    }

    // ------------------------------------------------------------------ DCS0621

    private static void NetworkRole(RuleContext ctx, Statement s, SecurityProfile p, SecurityProfileEntry e)
    {
        if (e.Kind is not ("secure_transport" or "user_identity")) return;
        if (!s.ApplicationEntities.Any(ae => Communicates(s, ae)) && s.ApplicationEntities.Count > 0)
        {
            ctx.Report(ProfileForAeWithoutNetworkRole(p.Location.Of("profile"),
                $"\"{p.Profile.Trim()}\" secures network connections, but no AE of the statement communicates over the network (no DIMSE role, no DICOMweb transaction); remove the profile or declare the network role"));
            return;
        }
        if (p.SecuredAe is not { } secured) return;
        var t = secured.Trim();
        // ALL and ALL EXCEPT … (PS3.2 Table 8-3) leave out the AEs that do not take part.
        if (t.Equals("ALL", StringComparison.OrdinalIgnoreCase) || t.StartsWith("ALL EXCEPT", StringComparison.OrdinalIgnoreCase)) return;
        foreach (var name in t.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (ctx.Facts.AeByName.TryGetValue(name, out var ae) && !Communicates(s, ae))
                ctx.Report(ProfileForAeWithoutNetworkRole(p.Location.Of("secured_ae"),
                    $"\"{p.Profile.Trim()}\" is claimed for AE {name}, which has no network role (no DIMSE activity or SOP Class role, no DICOMweb transaction); a {(e.Kind == "user_identity" ? "user identity" : "transport")} profile applies to AEs that open or accept connections: remove {name} from `secured_ae`"));
    }

    /// <summary>An AE communicates when it has activities, a DIMSE role of a SOP Class, a DICOMweb transaction or a listen port.</summary>
    private static bool Communicates(Statement s, ApplicationEntity ae) =>
        ae.Activities.Count > 0
        || s.SopClasses.Any(sc => sc.Scu.Contains(ae.Name, StringComparer.Ordinal) || sc.Scp.Contains(ae.Name, StringComparer.Ordinal))
        || s.DicomWeb.Transactions.Any(w => w.Ae == ae.Name)
        || ae.Association?.Port is not null;

    // ------------------------------------------------------------------ DCS0620

    private static void Tls(RuleContext ctx, Statement s, List<(SecurityProfile Claim, SecurityProfileEntry Entry)> claimed)
    {
        var tls = s.Details.Tls;
        var tlsProfiles = claimed.Where(c => c.Entry.MinimumTls is not null && !c.Entry.Retired).ToList();
        if (tls is null) return;
        if (tlsProfiles.Count > 0)
        {
            var required = tlsProfiles.Max(c => c.Entry.MinimumTls)!;
            var versions = tls.Versions.Select(v => (Text: v, Parsed: SecurityProfiles.ParseTlsVersion(v))).ToList();
            var names = string.Join(" and ", tlsProfiles.Select(c => $"PS3.15 {c.Entry.Section}").Distinct());
            foreach (var (text, parsed) in versions)
                if (parsed is { } v && (v.Ssl || v.Version < required))
                    ctx.Report(TlsContradictsProfile(tls.Location.Of("versions"),
                        $"{text.Trim()} is listed, but the claimed BCP 195 profile ({names}) forbids {(v.Ssl ? "SSL" : "TLS versions below " + required.ToString(2))} (RFC 8996); remove it"));
            if (versions.Count > 0 && !versions.Any(x => x.Parsed is { Ssl: false } v && v.Version == required))
                ctx.Report(TlsContradictsProfile(tls.Location.Of("versions"),
                    $"TLS versions [{string.Join(", ", tls.Versions)}] lack TLS {required.ToString(2)}, which the claimed profile ({names}) requires of servers and clients; add TLS {required.ToString(2)}"));
        }
        var claimedKeys = claimed.Select(c => SecurityProfiles.Key(c.Entry.Name)).ToList();
        foreach (var suite in tls.CipherSuites)
        {
            if (suite.Profile is not { Length: > 0 } named) continue;
            var key = SecurityProfiles.Key(named);
            bool matches = claimed.Any(c => c.Entry.OtherNames.Prepend(c.Entry.Name).Select(SecurityProfiles.Key).Any(k => k.StartsWith(key, StringComparison.Ordinal)))
                || claimed.Any(c => SecurityProfiles.Key(c.Claim.Profile).StartsWith(key, StringComparison.Ordinal));
            if (!matches)
                ctx.Report(TlsContradictsProfile(suite.Location.Of("profile"),
                    $"cipher suite {suite.Name} is listed for \"{named}\", which is not among the claimed Secure Transport Connection Profiles ({(tlsProfiles.Count > 0 ? string.Join("; ", tlsProfiles.Select(c => c.Claim.Profile.Trim())) : "none")}); name a claimed profile or claim it in `security.profiles`"));
        }
    }
}
