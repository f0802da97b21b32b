using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Layout;

// Derived tables (Layout/Data/derived-tables.json): rows computed from the structured declarations, so a fact
// written once in the source appears consistently in every table that repeats it.
internal sealed partial class LayoutRun
{
    private static string YN(bool b) => b ? "Y" : "N";

    private static RowSpec Row(params (string Key, string? Value)[] cells) =>
        new(cells.ToDictionary(c => c.Key, c => c.Value ?? "", StringComparer.Ordinal));

    private List<TableDraft> One(Node n, TemplateTable t, List<RowSpec> rows, string? module = null)
    {
        var table = MakeTable(t, ResolveTableTitle(n, t.Title, module), rows);
        return table is null ? new() : new() { table };
    }

    private List<TableDraft> DerivedTables(Node n, TemplateTable t)
    {
        var ctx = n.Ctx;
        switch (t.Key)
        {
            case "storage_sop_classes": return One(n, t, StorageRows());
            case "supported_transfer_syntaxes": return One(n, t, TransferSyntaxSetRows());
            case "supported_root_sr_template_ids_tids": return One(n, t, SrTemplateRows());
            case "verification_sop_class": return One(n, t, DimseRows(svc => svc == "Verification"));
            case "workflow_management_sop_classes": return One(n, t, DimseRows(svc => IsIn(svc, OverviewTable.Workflow)));
            case "query_retrieve_sop_classes": return One(n, t, DimseRows(svc => IsIn(svc, OverviewTable.QueryRetrieve)));
            case "printing_sop_classes": return One(n, t, DimseRows(svc => svc == "Print Management"));
            case "uri_service": return One(n, t, WebRows("URI"));
            case "study_service": return One(n, t, WebRows("Studies"));
            case "worklist_service": return One(n, t, WebRows("Worklist"));
            case "non_patient_instance_service": return One(n, t, WebRows("Non-Patient Instance"));
            case "storage_commitment_service": return One(n, t, WebRows("Storage Commitment"));
            case "supported_media_application_profiles":
                return One(n, t, _s.MediaProfiles.Select(m => Row(("media_storage_application_profile", m.Profile), ("fsc", YN(m.Fsc)),
                    ("fsr", YN(m.Fsr)), ("fsu", YN(m.Fsu))) with { Group = m.Media }).ToList());
            case "supported_real_time_video_sop_classes":
                return One(n, t, SopClassesByUid().Where(s => ServiceOf(s) == ServiceCatalogue.RealTimeVideo).Select(s => Row(
                    ("sop_class_name", s.Name), ("sop_class_uid", s.Uid), ("transfer_syntax_set", string.Join("; ", s.TransferSyntaxSets)),
                    ("scu", YN(s.IsScu)), ("scp", YN(s.IsScp)))).ToList());
            case "de_identification_profiles":
                return One(n, t, _s.DeIdentification.Select(d => Row(("profile", d.Profile), ("option", string.Join("; ", d.Options)))).ToList());
            case "supported_specific_character_sets": return One(n, t, CharacterSetRows());
            case "revision_history":
                return One(n, t, _s.RevisionHistory.Select(r => Row(("revision", r.Number), ("date", r.Date),
                    ("product_version_s", r.ProductVersions), ("change", r.Change))).ToList());
            case "dicom_terms_and_definitions":
                return One(n, t, TemplateData.Terms.DicomTerms.Select(x => Row(("term", x.Term), ("definition", x.Definition))).ToList());
            case "product_specific_terms":
                return One(n, t, _s.Introduction.Terms.Select(x => Row(("term", x.Name), ("definition", x.Definition))).ToList());
            case "abbreviations": return One(n, t, AbbreviationRows());
            case "service_to_ae_mapping": return One(n, t, ServiceToAeRows());
            case "levels_of_conformance": return One(n, t, LevelsOfConformanceRows());
            // PS3.2 7.1.1 (L10100): either one table for all AEs (7.1.1, the AE sections N/A) or one per AE (7.2.x.2,
            // 7.1.1 N/A). As soon as one AE declares its own parameters, every AE that negotiates associations gets
            // its table, with the statement-wide values it does not override.
            case "general_association_parameters":
                return One(n, t, PerAeAssociation ? new() : AssociationRows(_s.Association));
            case "association_parameters_for_ae":
                return One(n, t, PerAeAssociation && ctx.Ae is { } owner && NegotiatesAssociations(owner)
                    ? AssociationRows(Merge(_s.Association, owner.Association)) : new());
            case "extended_negotiation_for_activity_of_ae_association_initiation":
            case "extended_negotiation_for_activity_of_ae_association_acceptance":
                return One(n, t, (ctx.Activity?.ExtendedNegotiation ?? Array.Empty<ExtendedNegotiation>()).Select(e => Row(
                    ("sop_class", SopName(e.SopClass)), ("extended_negotiation", e.Negotiation), ("support", YN(e.Support)),
                    ("requested_value", e.Value)) with { Group = e.Group }).ToList());
            case "transfer_syntax_selection_preference_order_image_sop_classes_for_ae": return One(n, t, PreferenceRows(ctx.Activity, "image"));
            case "transfer_syntax_selection_preference_order_video_sop_classes_for_ae": return One(n, t, PreferenceRows(ctx.Activity, "video"));
            case "transfer_syntax_selection_preference_order_non_image_sop_classes_for_ae": return One(n, t, PreferenceRows(ctx.Activity, "non-image"));
            case "secure_use_and_user_identity_profiles":
                return One(n, t, _s.Security.Profiles.Where(p => p.Kind == "secure_use").Select(p => Row(("profile", p.Profile),
                    ("creator_sender", YN(p.Sender)), ("consumer_receiver", YN(p.Receiver)), ("reference", p.Reference))).ToList());
            case "secure_transport_connection_profiles":
                return One(n, t, _s.Security.Profiles.Where(p => p.Kind == "secure_transport").Select(p => Row(("profile", p.Profile),
                    ("secured_ae", p.SecuredAe), ("sender", YN(p.Sender)), ("receiver", YN(p.Receiver)), ("reference", p.Reference))).ToList());
            case "attribute_confidentiality_profiles":
                return One(n, t, _s.DeIdentification.Select(d => Row(("profile", d.Profile), ("option", string.Join("; ", d.Options)),
                    ("ae", d.Ae), ("de_identifier", YN(d.DeIdentifier)), ("re_identifier", YN(d.ReIdentifier)), ("configurable", YN(d.Configurable)))).ToList());
            case "user_identity_negotiation_as_association_initiator":
                return One(n, t, _s.Security.UserIdentityInitiator.Select(u => Row(("user_identity_negotiation", UserIdentityTypes.Label(u.Type)),
                    ("supported", YN(u.Supported)), ("requested_value", u.Value))).ToList());
            case "user_identity_negotiation_as_association_acceptor":
                return One(n, t, _s.Security.UserIdentityAcceptor.Select(u => Row(("user_identity_negotiation", UserIdentityTypes.Label(u.Type)),
                    ("supported", YN(u.Supported)), ("supported_value", u.Value))).ToList());
            case "values_and_code_sets_shared_across_iods": return One(n, t, CodedValueRows(_s.SharedModules.CodedValues));
            case "iod" when ctx.Iod is { } iod:
                return One(n, t, iod.Modules.Select(m => Row(("ie", m.Ie), ("module_name", m.Name), ("presence_module", m.Presence),
                    ("condition", m.Condition), ("reference", ModuleReference(m, ctx)))).ToList());
            case "functional_group_macros_used_in_iod" when ctx.Iod is { } iod:
                return One(n, t, iod.FunctionalGroups.Select(m => Row(("functional_group_macro", m.Name), ("presence", m.Presence),
                    ("condition", m.Condition), ("usage", m.Usage), ("reference", ModuleReference(m, ctx)))).ToList());
            case "module_for_iod" when ctx.Iod is { } iod:
            {
                var modules = n.T!.Key switch
                {
                    "annex_a_iod_specific_modules" => iod.Modules,
                    "annex_a_iod_fg_macros" => iod.FunctionalGroups,
                    _ => iod.PrivateModules,
                };
                var result = new List<TableDraft>();
                foreach (var m in modules.Where(m => !m.Shared && m.Attributes.Count > 0))
                {
                    var table = MakeTable(t, ResolveTableTitle(n, t.Title, ModuleTitle(m)), AttributeRows(m));
                    if (table is null) continue;
                    table.ModuleKey = "iod" + ctx.IodIndex + "|" + m.Name;
                    result.Add(table);
                }
                return result;
            }
            case "values_and_code_sets_for_iod" when ctx.Iod is { } iod: return One(n, t, CodedValueRows(iod.CodedValues));
            case "mapping_of_attributes_from_modality_worklist_to_instance_and_mpps" when ctx.Mapping is { } map:
                return One(n, t, map.Rows.Select(r => Row(("attribute_name_in_image_mpps", r.Name), ("tag", r.Tag), ("scenario", r.Scenario),
                    ("value_source", string.Join("; ", r.InstanceSource)), ("destination", r.InstanceDestination),
                    ("value_source_2", string.Join("; ", r.MppsSource)), ("destination_2", r.MppsDestination), ("comments", r.Comment))).ToList());
            default: return new();
        }
    }

    // ------------------------------------------------------------------ SOP Classes and services

    private IEnumerable<SopClass> SopClassesByUid() => _s.SopClasses.OrderBy(s => s.Uid, UidComparer.Instance);

    private string ServiceOf(SopClass s) => ServiceCatalogue.ServiceClassOf(s.Uid, _dictionary) ?? "";

    /// <summary>True when SOP Classes of the service class are listed in that overview table of Section 1.</summary>
    private static bool IsIn(string svc, OverviewTable table) => ServiceCatalogue.Describe(svc).Overview == table;

    private static bool IsStorageService(string svc) => IsIn(svc, OverviewTable.Storage);

    private bool InStorageOverview(SopClass s)
    {
        var svc = ServiceOf(s);
        if (svc == ServiceCatalogue.RealTimeVideo) return false;
        // Table 1-1 lists Storage SOP Classes; a SOP Class of unknown service (private, newer than the
        // dictionary) is listed when it is exchanged on the web or on media, as instances are. A SOP Class used
        // only on the web (UPS Push/Pull through UPS-RS) has no DIMSE table: Table 1-1 has its UA/OS columns.
        bool web = s.UserAgent || s.OriginServer;
        return IsStorageService(svc) || (svc.Length == 0 && (web || s.Fsc || s.Fsu || s.Fsr)) || (web && !s.IsScu && !s.IsScp);
    }

    private List<RowSpec> StorageRows() => SopClassesByUid().Where(InStorageOverview).Select(s => Row(
        ("sop_class_name", s.Name), ("sop_class_uid", s.Uid), ("transfer_syntax_set", TransferSyntaxSetCell(s)),
        ("scu", YN(s.IsScu)), ("scp", YN(s.IsScp)), ("ua", YN(s.UserAgent)), ("os", YN(s.OriginServer)),
        ("fsc", YN(s.Fsc)), ("fsu", YN(s.Fsu)), ("fsr", YN(s.Fsr)), ("create", s.Create ?? "N"),
        ("display", YN(s.Display)), ("process", YN(s.Process)), ("archive", YN(s.Archive)))).ToList();

    private List<RowSpec> TransferSyntaxSetRows()
    {
        var rows = new List<RowSpec>();
        foreach (var set in _s.TransferSyntaxSets)
            for (int i = 0; i < set.TransferSyntaxes.Count; i++)
            {
                var ts = set.TransferSyntaxes[i];
                rows.Add(Row(("transfer_syntax_set", i == 0 ? $"{set.Name} ({set.Code})" : ""), ("transfer_syntax_name", ts.Name),
                    ("transfer_syntax_uid", ts.Uid), ("dicom_web_service_bulkdata_media_type", ts.BulkdataMediaType)));
            }
        return rows;
    }

    private List<RowSpec> SrTemplateRows()
    {
        var rows = new List<RowSpec>();
        // Root TIDs in ascending numerical order (PS3.2 1.1.1 instruction, L325).
        foreach (var t in _s.SrTemplates.OrderBy(t => long.TryParse(t.Tid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : long.MaxValue).ThenBy(t => t.Tid, StringComparer.Ordinal))
        {
            var uids = t.SopClasses.OrderBy(u => u, UidComparer.Instance).ToList();
            for (int i = 0; i < Math.Max(1, uids.Count); i++)
            {
                var uid = i < uids.Count ? uids[i] : "";
                rows.Add(Row(("name", i == 0 ? t.Name : ""), ("root_tid", i == 0 ? t.Tid : ""), ("function", i == 0 ? string.Join("; ", t.Functions) : ""),
                    ("sop_class_name", uid.Length > 0 ? SopName(uid) : ""), ("sop_class_uid", uid), ("condition", i == 0 ? t.Condition : "")));
            }
        }
        return rows;
    }

    // DIMSE overview tables (1-4 to 1-7) list a SOP Class only where it is used on the network (PS3.2: supported rows only).
    private List<RowSpec> DimseRows(Func<string, bool> service) => SopClassesByUid().Where(s => service(ServiceOf(s)) && (s.IsScu || s.IsScp)).Select(s =>
    {
        var ts = EffectiveTransferSyntaxes(s, out bool open);
        var any = open ? new[] { TransferSyntaxResolution.PolicyLabel(TransferSyntaxResolution.Overall(_s, s).Policy) } : Array.Empty<string>();
        return Row(("sop_class_name", s.Name), ("sop_class_uid", s.Uid), ("transfer_syntax_name", string.Join("; ", ts.Select(x => x.Name).Concat(any))),
            ("transfer_syntax_uid", string.Join("; ", ts.Select(x => x.Uid))), ("scu", YN(s.IsScu)), ("scp", YN(s.IsScp)));
    }).ToList();

    private List<RowSpec> WebRows(string service)
    {
        var rows = new List<RowSpec>();
        foreach (var w in _s.DicomWeb.Transactions.Where(w => w.Service == service))
            rows.Add(Row(("service", rows.Count == 0 ? WebServiceName(service) : ""), ("transaction", w.Transaction),
                ("resource", string.Join("; ", w.Resources)), ("user_agent", YN(w.UserAgent)), ("origin_server", YN(w.OriginServer))));
        return rows;
    }

    private static string WebServiceName(string service) => service switch
    {
        "URI" => "URI Web Service",
        _ => service + " Web Service",
    };

    private string SopName(string uid) =>
        ServiceCatalogue.NameOf(uid, _s.SopClasses.FirstOrDefault(s => s.Uid == uid)?.Name, _dictionary);

    private string TransferSyntaxName(string uid) =>
        ServiceCatalogue.NameOf(uid, _s.TransferSyntaxSets.SelectMany(x => x.TransferSyntaxes).FirstOrDefault(t => t.Uid == uid)?.Name, _dictionary);

    // One storage AE is one "Storage" row of Table 5-1: the catalogue names Non-Patient Object Storage "Storage", and a
    // private storage SOP Class (exchanged as instances, listed in Table 1-1) is Storage there too, not "Other".
    private ServiceClassInfo ServiceInfo(SopClass s) => ServiceOf(s) is var svc && svc.Length == 0 && InStorageOverview(s)
        ? ServiceCatalogue.Describe("Storage") : ServiceCatalogue.Describe(svc);

    private List<RowSpec> ServiceToAeRows()
    {
        var rows = new List<RowSpec>();
        foreach (var ae in _s.ApplicationEntities)
        {
            var services = new Dictionary<string, (int Order, bool Scu, bool Scp, bool Rtv)>(StringComparer.Ordinal);
            foreach (var s in SopClassesByUid())
            {
                bool scu = s.Scu.Contains(ae.Name), scp = s.Scp.Contains(ae.Name);
                if (!scu && !scp) continue;
                var svc = ServiceOf(s);
                var info = ServiceInfo(s);
                var cur = services.GetValueOrDefault(info.DisplayName);
                services[info.DisplayName] = (info.Order, cur.Scu || scu, cur.Scp || scp, svc == ServiceCatalogue.RealTimeVideo);
            }
            int first = rows.Count;
            foreach (var (name, r) in services.OrderBy(x => x.Value.Order).ThenBy(x => x.Key, StringComparer.Ordinal))
            {
                // Every role cell says Y or N (PS3.2 conventions L17: "Y" for yes and "N" for no), none is blank.
                rows.Add(Row(("application_entity", rows.Count == first ? ae.Name : ""), ("supported_services", name),
                    ("scu", YN(r.Scu && !r.Rtv)), ("scp", YN(r.Scp && !r.Rtv)),
                    ("origin_server", "N"), ("user_agent", "N"), ("fsc", "N"), ("fsu", "N"), ("fsr", "N"),
                    ("scu_2", YN(r.Scu && r.Rtv)), ("scp_2", YN(r.Scp && r.Rtv))));
            }
            // DICOMweb services and media, by the AE that provides them (`ae` of a transaction or media profile).
            foreach (var web in _s.DicomWeb.Transactions.Where(t => t.Ae == ae.Name).GroupBy(t => t.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
                rows.Add(Row(("application_entity", rows.Count == first ? ae.Name : ""), ("supported_services", web.Key + " Web Service"),
                    ("scu", "N"), ("scp", "N"), ("origin_server", YN(web.Any(t => t.OriginServer))), ("user_agent", YN(web.Any(t => t.UserAgent))),
                    ("fsc", "N"), ("fsu", "N"), ("fsr", "N"), ("scu_2", "N"), ("scp_2", "N")));
            var media = _s.MediaProfiles.Where(m => m.Ae == ae.Name).ToList();
            if (media.Count > 0)
                rows.Add(Row(("application_entity", rows.Count == first ? ae.Name : ""), ("supported_services", "Media Storage"),
                    ("scu", "N"), ("scp", "N"), ("origin_server", "N"), ("user_agent", "N"),
                    ("fsc", YN(media.Any(m => m.Fsc))), ("fsu", YN(media.Any(m => m.Fsu))), ("fsr", YN(media.Any(m => m.Fsr))), ("scu_2", "N"), ("scp_2", "N")));
            if (rows.Count == first)
                rows.Add(Row(("application_entity", ae.Name), ("supported_services", "")));
        }
        return rows;
    }

    private bool PerAeAssociation => _s.ApplicationEntities.Any(a => a.Association is not null);

    /// <summary>A media-only or web-only AE has no DICOM associations: its own parameters, activities or SCU/SCP roles say it has.</summary>
    private bool NegotiatesAssociations(ApplicationEntity ae) =>
        ae.Association is not null || ae.Activities.Count > 0 || _s.SopClasses.Any(s => s.Scu.Contains(ae.Name) || s.Scp.Contains(ae.Name));

    /// <summary>An AE's association parameters over the statement-wide ones (field by field; `other` by name).</summary>
    private static AssociationParameters? Merge(AssociationParameters? all, AssociationParameters? ae)
    {
        if (all is null || ae is null) return ae ?? all;
        var other = all.Other.Where(o => !ae.Other.Any(x => x.Name == o.Name)).Concat(ae.Other).ToList();
        return new AssociationParameters(ae.ApplicationContextName ?? all.ApplicationContextName, ae.ImplementationClassUid ?? all.ImplementationClassUid,
            ae.ImplementationVersionName ?? all.ImplementationVersionName, ae.MaxPduLength ?? all.MaxPduLength, ae.ArtimTimeout ?? all.ArtimTimeout,
            ae.MaxAssociationsInitiator ?? all.MaxAssociationsInitiator, ae.MaxAssociationsAcceptor ?? all.MaxAssociationsAcceptor,
            ae.MaxAsyncOperations ?? all.MaxAsyncOperations, ae.Port ?? all.Port, ae.FileMetaInformationVersion ?? all.FileMetaInformationVersion,
            ae.MaxServerConnections ?? all.MaxServerConnections, other, ae.Location)
        {
            // Value, default and range of each parameter (issue 12 point 4): the AE's own setting wins as a whole.
            Settings = all.Settings.Where(kv => !ae.Settings.ContainsKey(kv.Key)).Concat(ae.Settings)
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
    }

    private static List<RowSpec> AssociationRows(AssociationParameters? a)
    {
        var rows = new List<RowSpec>();
        if (a is null) return rows;
        string? last = null;
        void Add(string category, string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            rows.Add(Row(("service_category", category == last ? "" : category), ("name", name), ("value", value)));
            last = category;
        }
        string? N(long? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string net = "Networking Services";
        Add(net, "Application Context Name", a.ApplicationContextName);
        Add(net, "Implementation Class UID", a.ImplementationClassUid);
        Add(net, "Implementation Version Name", a.ImplementationVersionName);
        Add(net, "Maximum PDU Length", SettingCell(a, "max_pdu_length", N(a.MaxPduLength)));
        Add(net, "ARTIM Timeout", SettingCell(a, "artim_timeout", a.ArtimTimeout));
        foreach (var (label, value) in ExtraTimeouts(a)) Add(net, label, value);
        Add(net, "Maximum Number of Simultaneous Associations as Initiator", SettingCell(a, "max_associations_initiator", N(a.MaxAssociationsInitiator)));
        Add(net, "Maximum Number of Simultaneous Associations as Acceptor", SettingCell(a, "max_associations_acceptor", N(a.MaxAssociationsAcceptor)));
        Add(net, "Maximum Number of Outstanding Asynchronous Operations", SettingCell(a, "max_async_operations", N(a.MaxAsyncOperations)));
        Add(net, "Port", SettingCell(a, "port", N(a.Port)));
        Add("Media Services", "File Meta Information Version", a.FileMetaInformationVersion);
        Add("Web Services", "Maximum Number of Server Connections", SettingCell(a, "max_server_connections", N(a.MaxServerConnections)));
        foreach (var g in a.Other.GroupBy(o => o.Category ?? "Other"))
            foreach (var o in g) Add(g.Key, o.Name, o.Value);
        return rows;
    }

    private List<RowSpec> PreferenceRows(Activity? activity, string kind)
    {
        var rows = new List<RowSpec>();
        if (activity is null) return rows;
        foreach (var p in activity.TransferSyntaxSelection)
        {
            var label = p.SopClasses.ToLowerInvariant();
            var k = label.Contains("non-image") || label.Contains("non image") ? "non-image" : label.Contains("video") ? "video" : "image";
            if (k != kind) continue;
            for (int i = 0; i < p.TransferSyntaxes.Count; i++)
                rows.Add(Row(("preference_order", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("transfer_syntax", TransferSyntaxName(p.TransferSyntaxes[i])), ("uid", p.TransferSyntaxes[i]),
                    ("comments", i < p.Comments.Count ? p.Comments[i] : "")));
        }
        return rows;
    }

    private List<RowSpec> AbbreviationRows()
    {
        var all = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in TemplateData.Terms.Abbreviations) all[a.Abbreviation] = a.Meaning;
        foreach (var a in _s.Introduction.Abbreviations) all[a.Abbreviated] = a.Meaning;
        return all.Select(kv => Row(("abbreviation", kv.Key), ("meaning", kv.Value))).ToList();
    }

    // ------------------------------------------------------------------ character sets (Table 1-16)

    private static readonly string[] CharsetGroups =
    {
        "Single-Byte Character Sets without Code Extensions", "Single-Byte Character Sets with Code Extension",
        "Multi-Byte Character Sets without Code Extensions", "Multi-Byte Character Sets with Code Extensions",
    };

    private static readonly Dictionary<string, (string Iana, string Description)> KnownCharsets = new(StringComparer.Ordinal)
    {
        ["ISO_IR 6"] = ("ISO-646", "Default repertoire"), ["ISO_IR 100"] = ("ISO-8859-1", "Latin alphabet No. 1"),
        ["ISO_IR 101"] = ("ISO-8859-2", "Latin alphabet No. 2"), ["ISO_IR 109"] = ("ISO-8859-3", "Latin alphabet No. 3"),
        ["ISO_IR 110"] = ("ISO-8859-4", "Latin alphabet No. 4"), ["ISO_IR 144"] = ("ISO-8859-5", "Cyrillic"),
        ["ISO_IR 127"] = ("ISO-8859-6", "Arabic"), ["ISO_IR 126"] = ("ISO-8859-7", "Greek"), ["ISO_IR 138"] = ("ISO-8859-8", "Hebrew"),
        ["ISO_IR 148"] = ("ISO-8859-9", "Latin alphabet No. 5"), ["ISO_IR 203"] = ("ISO-8859-15", "Latin alphabet No. 9"),
        ["ISO_IR 13"] = ("JIS_X0201", "Japanese"), ["ISO_IR 166"] = ("TIS-620", "Thai"),
        ["ISO 2022 IR 6"] = ("ISO-646", "Default repertoire"), ["ISO 2022 IR 100"] = ("ISO-8859-1", "Latin alphabet No. 1"),
        ["ISO 2022 IR 101"] = ("ISO-8859-2", "Latin alphabet No. 2"), ["ISO 2022 IR 109"] = ("ISO-8859-3", "Latin alphabet No. 3"),
        ["ISO 2022 IR 110"] = ("ISO-8859-4", "Latin alphabet No. 4"), ["ISO 2022 IR 144"] = ("ISO-8859-5", "Cyrillic"),
        ["ISO 2022 IR 127"] = ("ISO-8859-6", "Arabic"), ["ISO 2022 IR 126"] = ("ISO-8859-7", "Greek"),
        ["ISO 2022 IR 138"] = ("ISO-8859-8", "Hebrew"), ["ISO 2022 IR 148"] = ("ISO-8859-9", "Latin alphabet No. 5"),
        ["ISO 2022 IR 203"] = ("ISO-8859-15", "Latin alphabet No. 9"), ["ISO 2022 IR 13"] = ("JIS_X0201", "Japanese"),
        ["ISO 2022 IR 166"] = ("TIS-620", "Thai"), ["ISO 2022 IR 87"] = ("ISO-2022-JP", "Japanese (Kanji)"),
        ["ISO 2022 IR 159"] = ("ISO-2022-JP-1", "Japanese (Supplementary Kanji)"), ["ISO 2022 IR 149"] = ("ISO-2022-KR", "Korean"),
        ["ISO 2022 IR 58"] = ("ISO-2022-CN", "Simplified Chinese"), ["ISO_IR 192"] = ("UTF-8", "Unicode in UTF-8"),
        ["GB18030"] = ("GB18030", "GB 18030"), ["GBK"] = ("GBK", "GBK"),
    };

    private static int CharsetGroup(string term)
    {
        if (term is "ISO 2022 IR 87" or "ISO 2022 IR 159" or "ISO 2022 IR 149" or "ISO 2022 IR 58") return 3;
        if (term.StartsWith("ISO 2022", StringComparison.Ordinal)) return 1;
        if (term is "ISO_IR 192" or "GB18030" or "GBK") return 2;
        return 0;
    }

    private List<RowSpec> CharacterSetRows() => _s.CharacterSets
        .OrderBy(c => CharsetGroup(c.DefinedTerm))
        .Select(c =>
        {
            var known = KnownCharsets.GetValueOrDefault(c.DefinedTerm);
            return Row(("defined_term", c.DefinedTerm), ("iana", known.Iana), ("description", c.Description ?? known.Description))
                with { Group = CharsetGroups[CharsetGroup(c.DefinedTerm)] };
        }).ToList();

    // ------------------------------------------------------------------ Annex A

    private static List<RowSpec> AttributeRows(Module m) => m.Attributes.Select(a => Row(
        ("attribute_name", a.Name), ("tag", a.Tag), ("vr", a.Vr), ("vm", a.Vm), ("identifiable_information", a.Identifiable),
        ("source", string.Join("; ", a.Source)), ("presence_of_attribute", a.PresenceOfAttribute), ("presence_of_value", a.PresenceOfValue),
        ("value", a.Value), ("conditions", a.Condition), ("comments", a.Comment)) with { Group = a.Group }).ToList();

    private static List<RowSpec> CodedValueRows(IEnumerable<CodedValue> values) => values.Select(v => Row(
        ("attribute_name", v.Name), ("tag", v.Tag), ("value_code", v.Value), ("condition", v.Condition), ("comments", v.Comment))).ToList();

    /// <summary>The Reference cell of an IOD module row: a link to the module's attribute table, else the module's own reference.</summary>
    private string ModuleReference(Module m, RepeatContext ctx)
    {
        bool hasTable = m.Shared
            ? _s.SharedModules.Modules.Concat(_s.SharedModules.FunctionalGroups).Concat(_s.SharedModules.PrivateModules).Any(x => x.Name == m.Name && x.Attributes.Count > 0)
            : m.Attributes.Count > 0;
        if (!hasTable) return m.Reference ?? "";
        var token = "{mtable:" + (m.Shared ? "shared" : "iod" + ctx.IodIndex) + "|" + m.Name + "}";
        return m.Reference is { Length: > 0 } r ? $"{token}; {r}" : token;
    }
}
