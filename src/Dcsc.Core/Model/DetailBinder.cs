using Dcsc.Source;
using Reader = Dcsc.Model.ModelBinder.Reader;

namespace Dcsc.Model;

/// <summary>
/// Model stage for the issue 12 declarations (ProductDetails.cs): author tables of sections, key and status tables of
/// the DIMSE role blocks, DICOMweb search/media/reason detail and additions, network, character-set code elements,
/// TLS and audit trail. Like <see cref="ModelBinder"/> it trusts the schema for shapes.
/// </summary>
internal static class DetailBinder
{
    public static ProductDetails Bind(Reader root)
    {
        var dimse = root.Map("dimse");
        var keys = new List<KeyTable>();
        var status = new List<StatusTable>();
        foreach (var (service, block) in RoleBlocks(dimse))
            foreach (var side in new[] { ServiceSide.Scu, ServiceSide.Scp })
            {
                var role = block.Map(side == ServiceSide.Scu ? "scu" : "scp");
                keys.AddRange(role.List("key_tables", k => BindKeyTable(k, service, side)));
                if (role.Has("status_codes") || role.Has("other_status_codes"))
                    status.Add(new StatusTable(service, side, DefaultOperation(service),
                        role.List("status_codes", r => new StatusRow(r.Str("status"), r.Opt("meaning"), r.Str("code"), r.Opt("behavior"), r.Location)),
                        role.Opt("other_status_codes"), role.Location));
            }
        var web = root.Map("dicomweb");
        var details = new List<WebDetail>();
        int index = 0;
        foreach (var (_, t) in Items(web.Node("transactions")))
        {
            var d = BindWeb(t, index++);
            if (!d.IsEmpty) details.Add(d);
        }
        var network = root.Map("network");
        var security = root.Map("security");
        var charsets = new List<CharacterSetCodes>();
        foreach (var (_, c) in Items(root.Node("character_sets")))
            if (c.Has("code_elements"))
                charsets.Add(new CharacterSetCodes(c.Str("defined_term"), c.List("code_elements", e => new CodeElement(e.Str("element"),
                    e.Str("escape_sequence"), e.Opt("iso_registration"), e.Opt("character_set"), e.Location)), c.Location));
        var tls = security.Map("tls");
        var audit = security.Map("audit_trail");
        return new ProductDetails(keys, status, details,
            web.List("additions", a => new WebAddition(a.Str("service"), a.Str("name"), a.Str("method"), a.Str("path"), a.Str("description"),
                a.List("http_status", BindHttp), a.Location)),
            new NetworkDetails(
                network.List("interfaces", i => new NetworkInterface(i.Str("name"), i.Str("type"), i.Opt("description"), i.Location)),
                network.List("protocols", p => new NetworkProtocol(p.Str("protocol"), p.Opt("role"), p.Strings("rfcs"), p.Opt("description"), p.Location)),
                network.Has("ipv4") ? network.Bool("ipv4") : null, network.Has("ipv6") ? network.Bool("ipv6") : null),
            charsets,
            security.Has("tls") ? new TlsDetails(tls.Strings("versions"), tls.List("cipher_suites", c => new CipherSuite(c.Str("name"), c.Opt("profile"), c.Location)),
                tls.Opt("certificate_validation"), tls.Has("client_certificates") ? tls.Bool("client_certificates") : null, tls.Location) : null,
            security.Has("audit_trail") ? new AuditTrail(audit.List("messages", m => new AuditMessage(m.Str("message"), m.Strings("triggers"), m.Opt("comment"), m.Location)),
                audit.Strings("transport"), audit.Opt("collector"), audit.Location) : null);
    }

    /// <summary>Author tables of a section (<c>added_tables</c>) or of an added section (<c>tables</c>).</summary>
    public static IReadOnlyList<AuthorTable> AuthorTables(Reader section, string key) =>
        section.List(key, t => new AuthorTable(t.Opt("key"), t.Str("caption"), t.Strings("columns"),
            Items(t.Node("rows")).Select(r => new AuthorRow(r.Reader.ScalarOrList(), null, null, r.Reader.Location)).ToList(),
            t.Strings("footnotes"), t.Location));

    /// <summary>The operation a service's tables document when the statement does not name one.</summary>
    public static string DefaultOperation(DimseService s) => s switch
    {
        DimseService.Verification => "C-ECHO",
        DimseService.Worklist or DimseService.QrFind or DimseService.Ups => "C-FIND",
        DimseService.Mpps => "N-CREATE/N-SET",
        DimseService.InstanceAvailability => "N-CREATE",
        DimseService.Storage => "C-STORE",
        DimseService.StorageCommitment => "N-ACTION",
        DimseService.QrMove => "C-MOVE",
        DimseService.QrGet => "C-GET",
        _ => "N-CREATE/N-SET",
    };

    private static IEnumerable<(DimseService, Reader)> RoleBlocks(Reader d)
    {
        var qr = d.Map("query_retrieve");
        yield return (DimseService.Verification, d.Map("verification"));
        yield return (DimseService.Worklist, d.Map("worklist"));
        yield return (DimseService.Mpps, d.Map("mpps"));
        yield return (DimseService.Ups, d.Map("ups"));
        yield return (DimseService.InstanceAvailability, d.Map("instance_availability"));
        yield return (DimseService.Storage, d.Map("storage"));
        yield return (DimseService.StorageCommitment, d.Map("storage_commitment"));
        yield return (DimseService.QrFind, qr.Map("find"));
        yield return (DimseService.QrMove, qr.Map("move"));
        yield return (DimseService.QrGet, qr.Map("get"));
        yield return (DimseService.Print, d.Map("print"));
    }

    private static KeyTable BindKeyTable(Reader x, DimseService service, ServiceSide side) => new(service, side, x.Opt("model"), x.Opt("level"),
        x.Opt("operation") ?? DefaultOperation(service), x.Opt("title"),
        x.List("attributes", a => new KeyAttribute(a.Str("name"), a.Str("tag"), a.Opt("vr"), OptBool(a, "matching_key"), OptBool(a, "return_key"),
            a.Strings("matching_type"), a.Strings("query_value_source"), a.Strings("source"), a.Opt("presence"), a.Opt("value"),
            a.Opt("n_create"), a.Opt("n_set"), a.Opt("display_on_ui"), a.Opt("comments"), a.Location)),
        x.Opt("comment"), x.Location);

    private static bool? OptBool(Reader x, string key) => x.Has(key) ? x.Bool(key) : null;

    private static WebDetail BindWeb(Reader t, int index)
    {
        var media = Items(t.Node("media_types")).Select(m => ParseMediaType(m.Reader.Scalar() ?? "", m.Reader.Location))
            .Where(m => m.Type.Length > 0).ToList();
        return new WebDetail(index, t.Str("service"), t.Str("transaction"), t.Bool("origin_server"),
            t.List("search", l => new SearchLevel(l.Str("level"),
                l.List("attributes", a => new SearchAttribute(a.Str("name"), a.Str("tag"), a.Strings("matching_type"), a.Bool("fuzzy"), a.Opt("comments"), a.Location)),
                l.Strings("default_return"), l.Strings("includefield"), l.Location)),
            media, t.Opt("default_transfer_syntax"), t.Strings("transcode_from"),
            t.List("failure_reasons", BindReason), t.List("warning_reasons", BindReason), t.Location);
    }

    /// <summary>
    /// A media type as written in an Accept header: <c>application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90</c>
    /// (PS3.18 §8.7.3.5.1). Other parameters are kept in the type.
    /// </summary>
    public static WebMediaType ParseMediaType(string text, Location at)
    {
        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? ts = null;
        var kept = new List<string>();
        foreach (var p in parts)
        {
            var eq = p.IndexOf('=');
            if (eq > 0 && p[..eq].Trim().Equals("transfer-syntax", StringComparison.OrdinalIgnoreCase)) ts = p[(eq + 1)..].Trim().Trim('"');
            else kept.Add(p);
        }
        return new WebMediaType(string.Join("; ", kept), ts, at);
    }

    private static ReasonCode BindReason(Reader x) => new(x.Str("code"), x.Str("meaning"), x.Location);

    private static HttpStatus BindHttp(Reader x) => new((int)(x.Long("code") ?? 0), x.Opt("status"), x.Str("meaning"), x.Location);

    private static IEnumerable<(YamlNode Node, Reader Reader)> Items(YamlNode? list) =>
        list is YamlSequence q ? q.Items.Select(i => (i, new Reader(i))) : Enumerable.Empty<(YamlNode, Reader)>();
}
