using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Model;

/// <summary>
/// Model stage: binds a schema-valid statement to the immutable <see cref="Statement"/> records.
/// It trusts the schema stage for shapes and types and only reads; absent keys get their documented defaults.
/// </summary>
public static partial class ModelBinder
{
    public static Statement Bind(LoadedSource source)
    {
        var root = source.Root as YamlMapping ?? throw new ArgumentException("the statement root must be a mapping (the schema stage checks this)");
        var r = new Reader(root);
        var dimse = r.Map("dimse");
        var web = r.Map("dicomweb");
        var media = r.Map("media");
        var security = r.Map("security");
        var shared = r.Map("shared_modules");
        var dict = r.Map("dictionary");
        var intro = r.Map("introduction");
        var userIdentity = security.Map("user_identity");
        var everyStorage = r.Has("every_storage_sop_class") ? BindEveryStorage(r.Map("every_storage_sop_class")) : null;
        var sopClasses = BindSopClasses(r, everyStorage);
        return new Statement(
            source.Path,
            BindProduct(r.Map("product")),
            r.List("revision_history", x => new Revision(x.Str("revision"), x.Str("date"), x.Opt("product_versions"), x.Str("change"), x.Location)),
            new Introduction(intro.Opt("audience"), intro.Opt("remarks"),
                intro.List("terms", x => new Term(x.Str("term"), x.Str("definition"), x.Location)),
                intro.List("abbreviations", x => new Abbreviation(x.Str("abbreviation"), x.Str("meaning"), x.Location)),
                intro.Strings("references")),
            r.List("transfer_syntax_sets", x => new TransferSyntaxSet(x.Str("code"), x.Str("name"),
                x.List("transfer_syntaxes", t => new TransferSyntax(t.Str("uid"), t.Str("name"), t.Opt("bulkdata_media_type"), t.Location)), x.Location)),
            r.List("application_entities", x => BindAe(x, sopClasses)),
            r.Has("association") ? BindAssociation(r.Map("association")) : null,
            sopClasses,
            r.List("sr_templates", x => new SrTemplate(x.Str("name"), x.Str("tid"), x.Strings("functions"), x.Strings("sop_classes"), x.Opt("condition"),
                x.List("finding_sites", f => new FindingSite(f.Str("name"), BindSections(f.Map("sections")), f.Location)),
                BindSections(x.Map("sections")), x.Location)),
            BindDimse(dimse),
            new DicomWeb(web.Opt("base_url"), web.List("transactions", BindWebTransaction)),
            media.List("profiles", x => new MediaProfile(x.Str("profile"), x.Str("media"), x.Opt("ae"), x.Bool("fsc"), x.Bool("fsr"), x.Bool("fsu"), x.Location)),
            r.List("de_identification", x => new DeidProfile(x.Str("profile"), x.Strings("options"), x.Opt("ae"), x.Bool("de_identifier"), x.Bool("re_identifier"), x.Bool("configurable"), x.Location)),
            r.List("character_sets", x => new CharacterSet(x.Str("defined_term"), x.Opt("description"), x.Location)),
            new Security(
                security.List("profiles", x => new SecurityProfile(x.Str("profile"), x.Str("kind"), x.Opt("secured_ae"), x.Bool("sender"), x.Bool("receiver"), x.Opt("reference"), x.Location)),
                userIdentity.List("initiator", BindUserIdentity), userIdentity.List("acceptor", BindUserIdentity)),
            r.List("iods", x => new Iod(x.Str("name"), x.Str("sop_class"), x.Opt("description"), x.List("modules", BindModule), x.List("functional_groups", BindModule),
                x.List("private_modules", BindModule), x.List("coded_values", BindCodedValue), BindSections(x.Map("sections")), x.Location)),
            new SharedModules(shared.List("modules", BindModule), shared.List("functional_groups", BindModule), shared.List("private_modules", BindModule),
                shared.List("coded_values", BindCodedValue)),
            r.List("mappings", x => new Mapping(x.Str("name"), x.Opt("description"), x.List("rows", m => new MappingRow(m.Str("name"), m.Str("tag"), m.Opt("scenario"),
                m.Strings("instance_source"), m.Opt("instance_destination"), m.Strings("mpps_source"), m.Opt("mpps_destination"), m.Opt("comment"), m.Location)),
                BindSections(x.Map("sections")), x.Location)),
            new ExtraDictionary(
                dict.List("uids", x => new ExtraUid(x.Str("uid"), x.Str("name"), x.Str("type"), x.Opt("service_class"), x.Location)),
                dict.List("attributes", x => new ExtraAttribute(x.Str("tag"), x.Str("name"), x.Opt("keyword"), x.Str("vr"), x.Opt("vm"), x.Opt("private_creator"), x.Location))),
            BindSections(r.Map("sections")),
            r.Location) { EveryStorage = everyStorage, Details = DetailBinder.Bind(r) };
    }

    private static Product BindProduct(Reader x) => new(x.Str("name"), x.Str("version"), x.Opt("manufacturer"), x.Str("description"), x.Opt("date"),
        x.Opt("document_id"), x.List("covered", p => new ProductRef(p.Str("name"), p.Str("version"), p.Strings("options"), p.Location)),
        x.List("remote_systems", p => new RemoteSystem(p.Str("name"), p.Strings("services"), p.Location)), x.Location);

    private static SopClass BindSopClass(Reader x) => new(x.Str("uid"), x.Str("name"), x.Strings("scu"), x.Strings("scp"),
        x.Bool("user_agent"), x.Bool("origin_server"), x.Bool("fsc"), x.Bool("fsu"), x.Bool("fsr"), x.Strings("transfer_syntax_sets"),
        x.Opt("create"), x.Bool("display"), x.Bool("process"), x.Bool("archive"), x.Opt("comment"), x.Location)
        { TransferSyntaxPolicy = Policy(x.Opt("transfer_syntax_policy")) ?? TransferSyntaxPolicy.Sets };

    private static ApplicationEntity BindAe(Reader x, IReadOnlyList<SopClass> sopClasses) => new(x.Str("name"), x.Opt("ae_title"), x.Str("description"), x.Opt("sequencing"),
        x.Has("association") ? BindAssociation(x.Map("association")) : null,
        x.List("activities", a => new Activity(a.Str("name"), a.Str("role") == "acceptor" ? ActivityRole.Acceptor : ActivityRole.Initiator,
            a.Str("description"), a.Has("sop_classes") ? a.Strings("sop_classes") : AeSopClasses(sopClasses, x, a.Str("role")),
            a.List("extended_negotiation", n => new ExtendedNegotiation(n.Str("sop_class"), n.Str("negotiation"), n.Bool("support"), n.Opt("value"), n.Opt("group"), n.Location)),
            a.Opt("role_negotiation"),
            a.List("transfer_syntax_selection", p => new TransferSyntaxPreference(p.Str("sop_classes"), p.Strings("transfer_syntaxes"), p.Strings("comments"), p.Location)),
            BindSections(a.Map("sections")), a.Location) with
            {
                TransferSyntaxSets = a.Strings("transfer_syntax_sets"),
                NarrowTransferSyntaxSets = a.Opt("transfer_syntax_sets_mode") == "narrow",
                TransferSyntaxPolicy = Policy(a.Opt("transfer_syntax_policy")),
            }),
        BindSections(x.Map("sections")), x.Location);

    /// <summary>The documented default of an activity's SOP Classes: every SOP Class the AE supports in the activity's role
    /// (those of the "every Storage SOP Class" declaration included) that no other activity of the AE in that role lists.</summary>
    private static IReadOnlyList<string> AeSopClasses(IReadOnlyList<SopClass> sopClasses, Reader ae, string role)
    {
        var listedElsewhere = ae.List("activities", a => (Role: a.Str("role"), Listed: a.Has("sop_classes") ? a.Strings("sop_classes") : Array.Empty<string>()))
            .Where(a => a.Role == role).SelectMany(a => a.Listed).ToHashSet(StringComparer.Ordinal);
        var name = ae.Str("name");
        return sopClasses.Where(s => (role == "acceptor" ? s.Scp : s.Scu).Contains(name) && !listedElsewhere.Contains(s.Uid)).Select(s => s.Uid).ToList();
    }

    private static AssociationParameters BindAssociation(Reader x) => new(x.Opt("application_context_name"), x.Opt("implementation_class_uid"),
        x.Opt("implementation_version_name"), SettingLong(x, "max_pdu_length"), SettingText(x, "artim_timeout"), SettingLong(x, "max_associations_initiator"),
        SettingLong(x, "max_associations_acceptor"), SettingLong(x, "max_async_operations"), SettingLong(x, "port"), x.Opt("file_meta_information_version"),
        SettingLong(x, "max_server_connections"),
        x.List("other", o => new NamedValue(o.Opt("category"), o.Str("name"), o.Str("value"), o.Location)), x.Location)
        { Settings = BindSettings(x) };

    private static UserIdentity BindUserIdentity(Reader x) => new(x.Str("type"), x.Bool("supported"), x.Opt("value"), x.Location);

    private static Dimse BindDimse(Reader d)
    {
        ServiceRoles Roles(Reader s) => new(s.Has("scu") ? BindRole(s.Map("scu")) : null, s.Has("scp") ? BindRole(s.Map("scp")) : null);
        var qr = d.Map("query_retrieve");
        return new Dimse(Roles(d.Map("verification")), Roles(d.Map("worklist")), Roles(d.Map("mpps")), Roles(d.Map("ups")),
            Roles(d.Map("instance_availability")), Roles(d.Map("storage")), Roles(d.Map("storage_commitment")),
            Roles(qr.Map("find")), Roles(qr.Map("move")), Roles(qr.Map("get")), Roles(d.Map("print")));
    }

    private static ServiceRole BindRole(Reader x) => new(x.Opt("description"),
        x.Long("level_of_support"), x.Long("digital_signature_level"), Answered(x, "element_coercion"), Answered(x, "discarded_attributes"),
        Answered(x, "lossy_compression"), Answered(x, "duplicate_instances"), x.Opt("retention"), x.Opt("priority"),
        x.Has("relational") ? x.Bool("relational") : null, x.Strings("sub_operation_sop_classes"), x.Location)
        { NotDocumented = NotDocumentedFields(x) };

    private static WebTransaction BindWebTransaction(Reader x) => new(x.Str("service"), x.Opt("ae"), x.Str("transaction"), x.Strings("resources"),
        x.Bool("user_agent"), x.Bool("origin_server"), x.Strings("media_types"), x.Strings("transfer_syntaxes"), x.Strings("query_parameters"),
        x.Opt("description"), x.Location);

    private static Module BindModule(Reader x) => new(x.Str("name"), x.Opt("ie"), x.Opt("presence"), x.Opt("usage"), x.Opt("condition"),
        x.Opt("reference"), x.Opt("private_creator"), x.Bool("shared"),
        x.List("attributes", a => new AttributeRow(a.Str("name"), a.Str("tag"), a.Opt("vr"), a.Opt("vm"), a.Opt("identifiable"), a.Strings("source"),
            a.Opt("presence_of_attribute"), a.Opt("presence_of_value"), a.Opt("value"), a.Opt("condition"), a.Opt("comment"), a.Opt("group"), a.Location)),
        x.Location);

    private static CodedValue BindCodedValue(Reader x) => new(x.Str("name"), x.Str("tag"), x.Str("value"), x.Opt("condition"), x.Opt("comment"), x.Location);

    /// <summary>Section content by section key.</summary>
    private static IReadOnlyDictionary<string, SectionContent> BindSections(Reader sections)
    {
        var result = new SortedDictionary<string, SectionContent>(StringComparer.Ordinal);
        foreach (var (key, value) in sections.Entries())
            result[key] = BindSection(value);
        return result;
    }

    private static SectionContent BindSection(Reader x)
    {
        bool na = x.Node("na") switch
        {
            YamlScalar { IsPlain: true } s when YesNo.YamlBoolean(s.Value) == false => false,
            YamlScalar s when !s.IsNull => true,
            _ => false,
        };
        var fill = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in x.Map("fill").Entries()) fill[k] = v.Scalar() ?? "";
        var tables = new SortedDictionary<string, IReadOnlyList<TableRow>>(StringComparer.Ordinal);
        foreach (var (k, v) in x.Map("tables").Entries())
            tables[k] = v.AsList(BindRow);
        return new SectionContent(x.Opt("text"), na, fill, tables,
            x.List("added", a => new AddedSection(a.Str("title"), a.Str("text"), a.Location) { Tables = DetailBinder.AuthorTables(a, "tables") }),
            x.Location) { AuthorTables = DetailBinder.AuthorTables(x, "added_tables") };
    }

    private static TableRow BindRow(Reader x)
    {
        var cells = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in x.Entries())
        {
            if (k is "group" or "note" or "part") continue;
            cells[k] = v.ScalarOrList();
        }
        return new TableRow(cells, x.Opt("group"), x.Opt("note"), x.Location, x.Opt("part"));
    }

    /// <summary>Read-only accessor over a mapping (or nothing): absent keys read as defaults.</summary>
    internal readonly struct Reader
    {
        private readonly YamlNode? _node;
        public Reader(YamlNode? node) => _node = node;

        private YamlMapping? Mapping => _node as YamlMapping;

        public Location Location
        {
            get
            {
                if (_node is null) return Location.Nowhere;
                var fields = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
                Dictionary<string, BlockScalarLayout>? blocks = null;
                if (Mapping is { } m)
                    foreach (var (k, v) in m.Entries)
                    {
                        fields[k.Value] = v.Span;
                        if (v is YamlScalar { Block: { } b }) (blocks ??= new(StringComparer.Ordinal))[k.Value] = b;
                    }
                else if (_node is YamlSequence q)
                    // Items by index ("0", "1", …): the cells of an author table row are a list (DCS0506 points into a cell).
                    for (int i = 0; i < q.Items.Count; i++)
                    {
                        var key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        fields[key] = q.Items[i].Span;
                        if (q.Items[i] is YamlScalar { Block: { } b }) (blocks ??= new(StringComparer.Ordinal))[key] = b;
                    }
                return new Location(_node.Span, fields, blocks);
            }
        }

        public bool Has(string key) => Mapping?[key] is { } n && !(n is YamlScalar { IsNull: true });
        public YamlNode? Node(string key) => Mapping?[key];
        public Reader Map(string key) => new(Mapping?[key]);

        public IEnumerable<(string Key, Reader Value)> Entries()
        {
            if (Mapping is null) yield break;
            foreach (var (k, v) in Mapping.Entries) yield return (k.Value, new Reader(v));
        }

        public string? Scalar() => _node is YamlScalar { IsNull: false } s ? s.Value : null;

        public string Str(string key) => Opt(key) ?? "";

        public string? Opt(string key) => Mapping?[key] is YamlScalar { IsNull: false } s ? s.Value : null;

        public bool Bool(string key) => Mapping?[key] is YamlScalar s && YesNo.Field(s.Value) == true;

        public long? Long(string key) => Opt(key) is { } v && long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : null;

        /// <summary>A list of values; a single value counts as a list of one.</summary>
        public IReadOnlyList<string> Strings(string key) => new Reader(Mapping?[key]).ScalarOrList();

        public IReadOnlyList<string> ScalarOrList() => _node switch
        {
            YamlSequence q => q.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
            YamlScalar { IsNull: false } s => new[] { s.Value },
            _ => Array.Empty<string>(),
        };

        public IReadOnlyList<T> List<T>(string key, Func<Reader, T> bind) => new Reader(Mapping?[key]).AsList(bind);

        public IReadOnlyList<T> AsList<T>(Func<Reader, T> bind) =>
            _node is YamlSequence q ? q.Items.Select(i => bind(new Reader(i))).ToList() : Array.Empty<T>();
    }
}
