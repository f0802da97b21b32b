using Dcsc.Rules;

namespace Dcsc.Tests.Rules;

/// <summary>The PS3.15 profile list (Rules/Data/security-profiles.tsv) and how names and TLS versions are read.</summary>
public class SecurityProfileTests
{
    [Theory] // the profile names of the PS3.2 template's Tables 8-2, 8-3 and 8-7
    [InlineData("Online Electronic Storage Secure Use", "A.1")]
    [InlineData("Audit Trail Message Format", "A.5")]
    [InlineData("Audit Trail Message Transmission Profile - SYSLOG-TLS", "A.6")]
    [InlineData("Audit Trail Message Transmission Profile - SYSLOG-UDP", "A.7")]
    [InlineData("Basic User Identity Association", "B.4")]
    [InlineData("User Identity Plus Passcode Association", "B.5")]
    [InlineData("Kerberos Identity Negotiation Association", "B.6")]
    [InlineData("Generic SAML Assertion Identity Negotiation Association", "B.7")]
    [InlineData("BCP 195 RFC 8996 TLS Secure Transport Connection Profile", "B.12")]
    [InlineData("Modified BCP 195 RFC 8996 TLS Secure Transport Connection Profile", "B.13")]
    [InlineData("BCP 195 RFC 8996, 9325 TLS Secure Transport Connection Profile", "B.12")]
    [InlineData("Basic Application Level Confidentiality", "E.1")]
    [InlineData("Basic Application-Level Confidentiality Profile", "E.1")]
    [InlineData("The Basic TLS Secure Transport Connection Profile", "B.1")]
    // Annexes C-H as checked against PS3.15 (security-profiles.tsv header)
    [InlineData("Structured Report RSA Digital Signature Profile", "C.4")]
    [InlineData("Authorization RSA Digital Signature Profile", "C.3")]
    [InlineData("Basic DICOM Media Security Profile", "D.1")]
    [InlineData("Application Level Confidentiality Profile", "E.1")]
    [InlineData("Basic Network Address Management Profile", "F.1")]
    [InlineData("Basic Time Synchronization Profile", "G.1")]
    [InlineData("Application Configuration Management Profile", "H.1")]
    public void Template_names_are_found_with_their_section(string name, string section) =>
        Assert.Equal(section, SecurityProfiles.Find(name)?.Section);

    [Fact]
    public void The_list_has_every_annex_and_marks_the_retired_tls_profiles()
    {
        var all = SecurityProfiles.All;
        Assert.Equal(all.Count, all.Select(e => e.Section).Distinct().Count());
        Assert.Equal(new[] { "B.1", "B.10", "B.11", "B.2", "B.3", "B.9" }, all.Where(e => e.Retired).Select(e => e.Section).OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(all.Where(e => e.Section is "B.12" or "B.13"), e => Assert.Equal(new Version(1, 2), e.MinimumTls));
        Assert.Null(SecurityProfiles.Find("Secure Transport Connection Profile"));
    }

    [Theory]
    [InlineData("TLS 1.2", false, "1.2")]
    [InlineData("TLSv1.3", false, "1.3")]
    [InlineData("tls 1.0", false, "1.0")]
    [InlineData("SSLv3", true, "3.0")]
    [InlineData("1.2", false, "1.2")]
    public void Tls_versions_are_read_in_their_usual_spellings(string text, bool ssl, string version)
    {
        var v = SecurityProfiles.ParseTlsVersion(text);
        Assert.Equal((ssl, Version.Parse(version)), v);
    }

    [Fact]
    public void A_hostile_profile_name_is_reported_without_failing()
    {
        var yaml = Minimal.Yaml + "\nsecurity:\n  profiles:\n    - { profile: \"" + new string('x', 5000) + " \\u202E Profile\", kind: other }\n";
        var r = Dcsc.Pipeline.Compilation.LintText("statement.yaml", yaml);
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0618");
    }
}
