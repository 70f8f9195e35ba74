namespace Attio;

/// <summary>
/// Identify, group, assert and update semantics, written once. Errors go to a collector so that the client can throw them
/// and the sender can put them on a receipt; each cause is reported once (an invalid identify email is one error on
/// <c>people.email_addresses</c>, not three).
/// </summary>
internal static class AttioPlanBuilder
{
    private static readonly AttioAttributeInfo PersonEmails = new(AttioStandardObjects.People, AttioStandardObjects.PersonEmail, AttioAttributeType.EmailAddress, true) { IsUnique = true };
    private static readonly AttioAttributeInfo UserIds = new(AttioStandardObjects.Users, AttioStandardObjects.UserId, AttioAttributeType.Text) { IsUnique = true };
    private static readonly AttioAttributeInfo UserEmail = new(AttioStandardObjects.Users, AttioStandardObjects.UserPrimaryEmail, AttioAttributeType.EmailAddress) { IsUnique = true };
    private static readonly AttioAttributeInfo CompanyDomains = new(AttioStandardObjects.Companies, AttioStandardObjects.CompanyDomain, AttioAttributeType.Domain, true) { IsUnique = true };
    private static readonly AttioAttributeInfo WorkspaceIds = new(AttioStandardObjects.Workspaces, AttioStandardObjects.WorkspaceId, AttioAttributeType.Text) { IsUnique = true };
    private static readonly AttioAttributeInfo WorkspaceUsers = new(AttioStandardObjects.Workspaces, AttioStandardObjects.WorkspaceUsers, AttioAttributeType.RecordReference, true, new[] { AttioStandardObjects.Users });

    public static AttioWritePlan? Assert(AttioRecord? record, string? matchingAttribute, AttioValidationErrors errors)
    {
        if (record is null)
        {
            errors.Add(new AttioValidationError("?", matchingAttribute ?? "?", default, null, "a record"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(matchingAttribute))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, "?", default, null, "a matching attribute (the unique attribute an assert finds the record by)"));
            return null;
        }

        int before = errors.Errors.Count;
        var values = RecordValueCapture.Read(record, errors);
        var infos = record.GetAttributeInfos();
        var key = values.FirstOrDefault(v => v.Slug == matchingAttribute);
        if (infos.Count > 0 && !infos.Any(i => i.Slug == matchingAttribute))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matchingAttribute, default, null, $"an attribute of {record.ObjectSlug} to match by"));
        }
        else if (key is not { IsClear: false })
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matchingAttribute, infos.FirstOrDefault(i => i.Slug == matchingAttribute)?.Type ?? default, null,
                "a value for the matching attribute (an assert finds the record by it)"));
        }

        return errors.Errors.Count > before ? null : Single(AttioPlanKind.Assert,
            new AttioWriteStep(record.ObjectSlug, AttioWriteMode.Assert, values) { MatchingAttribute = matchingAttribute });
    }

    public static AttioWritePlan? Create(AttioRecord record, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        int before = errors.Errors.Count;
        var values = RecordValueCapture.Read(record, errors);
        record.CollectMissingRequired(errors);
        return errors.Errors.Count > before ? null : Single(AttioPlanKind.Create, new AttioWriteStep(record.ObjectSlug, AttioWriteMode.Create, values));
    }

    public static AttioWritePlan? Update(string recordId, AttioRecord record, AttioUpdateMode mode, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(recordId);
        int before = errors.Errors.Count;
        if (!Guid.TryParse(recordId, out _))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, "record_id", default, recordId, "a record id (a UUID)"));
        }

        var values = RecordValueCapture.Read(record, errors);
        var writeMode = mode == AttioUpdateMode.Overwrite ? AttioWriteMode.UpdateOverwrite : AttioWriteMode.UpdateAppend;
        return errors.Errors.Count > before ? null : Single(AttioPlanKind.Update, new AttioWriteStep(record.ObjectSlug, writeMode, values) { RecordId = recordId });
    }

    public static AttioWritePlan? Identify(string? email, string? userId, AttioRecord? person, AttioRecord? user, AttioPrimaryEmail primaryEmail, AttioValidationErrors errors)
    {
        int before = errors.Errors.Count;
        var emailInfo = InfoOf(person, PersonEmails);
        bool emailValid = ValidKey(emailInfo, email, AttioCodecs.EmailAddress, errors);
        ValidKey(InfoOf(user, UserIds), userId, AttioCodecs.Text, errors);
        var personValues = ValuesOf(person, AttioStandardObjects.People, errors);
        var userValues = ValuesOf(user, AttioStandardObjects.Users, errors);
        if (errors.Errors.Count > before || !emailValid)
        {
            return null;
        }

        string trimmed = email!.Trim();
        var personStep = new AttioWriteStep(AttioStandardObjects.People, AttioWriteMode.Assert, WithKey(personValues, emailInfo, trimmed, AttioCodecs.EmailAddress))
        {
            MatchingAttribute = emailInfo.Slug,
            ImplicitSlugs = new[] { emailInfo.Slug },
        };

        var userList = Without(userValues, AttioStandardObjects.UserId, AttioStandardObjects.UserPerson);
        userList.Add(AttioPlanValue.Of(InfoOf(user, UserIds), userId!, AttioCodecs.Text));
        var implicitSlugs = new List<string> { AttioStandardObjects.UserId, AttioStandardObjects.UserPerson };
        bool hasPrimaryEmail = user is null || user.GetAttributeInfos().Count == 0 || user.GetAttributeInfos().Any(i => i.Slug == AttioStandardObjects.UserPrimaryEmail);
        if (primaryEmail == AttioPrimaryEmail.FromIdentifyEmail && hasPrimaryEmail && userList.All(v => v.Slug != AttioStandardObjects.UserPrimaryEmail))
        {
            // The email was validated once, as the person's key: the copy adds no second error for the same cause.
            userList.Add(AttioPlanValue.Of(InfoOf(user, UserEmail, AttioStandardObjects.UserPrimaryEmail), trimmed, AttioCodecs.EmailAddress));
            implicitSlugs.Add(AttioStandardObjects.UserPrimaryEmail);
        }

        var userStep = new AttioWriteStep(AttioStandardObjects.Users, AttioWriteMode.Assert, userList)
        {
            MatchingAttribute = AttioStandardObjects.UserId,
            Links = new[] { new AttioPlanLink(AttioStandardObjects.UserPerson, AttioStandardObjects.People, 0) },
            ImplicitSlugs = implicitSlugs,
        };
        return new AttioWritePlan(AttioPlanKind.Identify, new[] { personStep, userStep });
    }

    public static AttioWritePlan? Group(string? domain, string? workspaceId, AttioRecord? company, AttioRecord? workspace, string? userId, AttioValidationErrors errors)
    {
        int before = errors.Errors.Count;
        var domainInfo = InfoOf(company, CompanyDomains);
        ValidKey(domainInfo, domain, AttioCodecs.Domain, errors);
        ValidKey(InfoOf(workspace, WorkspaceIds), workspaceId, AttioCodecs.Text, errors);
        AttioPlanValue? member = null;
        if (userId is not null)
        {
            var usersInfo = InfoOf(workspace, WorkspaceUsers, AttioStandardObjects.WorkspaceUsers);
            if (ValidKey(UserIds, userId, AttioCodecs.Text, errors))
            {
                var reference = RecordReference.ByMatch(AttioStandardObjects.Users, AttioStandardObjects.UserId, AttioAttributeType.Text, userId);
                AttioCodecs.RecordReference.Validate(usersInfo, reference, errors);
                member = AttioPlanValue.Of(usersInfo, reference, AttioCodecs.RecordReference);
            }
        }

        var companyValues = ValuesOf(company, AttioStandardObjects.Companies, errors);
        var workspaceValues = ValuesOf(workspace, AttioStandardObjects.Workspaces, errors);
        if (errors.Errors.Count > before)
        {
            return null;
        }

        var companyStep = new AttioWriteStep(AttioStandardObjects.Companies, AttioWriteMode.Assert, WithKey(companyValues, domainInfo, domain!.Trim(), AttioCodecs.Domain))
        {
            MatchingAttribute = domainInfo.Slug,
            ImplicitSlugs = new[] { domainInfo.Slug },
        };
        var workspaceList = Without(workspaceValues, AttioStandardObjects.WorkspaceId, AttioStandardObjects.WorkspaceCompany);
        workspaceList.Add(AttioPlanValue.Of(InfoOf(workspace, WorkspaceIds), workspaceId!, AttioCodecs.Text));
        var steps = new List<AttioWriteStep>
        {
            companyStep,
            new(AttioStandardObjects.Workspaces, AttioWriteMode.Assert, workspaceList)
            {
                MatchingAttribute = AttioStandardObjects.WorkspaceId,
                Links = new[] { new AttioPlanLink(AttioStandardObjects.WorkspaceCompany, AttioStandardObjects.Companies, 0) },
                ImplicitSlugs = new[] { AttioStandardObjects.WorkspaceId, AttioStandardObjects.WorkspaceCompany },
            },
        };
        if (member is not null)
        {
            // PATCH appends: the workspace's other users are never removed.
            steps.Add(new AttioWriteStep(AttioStandardObjects.Workspaces, AttioWriteMode.UpdateAppend, new[] { member })
            {
                RecordOfStep = 1,
                ImplicitSlugs = new[] { member.Slug },
            });
        }

        return new AttioWritePlan(AttioPlanKind.Group, steps);
    }

    private static AttioWritePlan Single(AttioPlanKind kind, AttioWriteStep step) => new(kind, new[] { step });

    private static bool ValidKey(AttioAttributeInfo attribute, string? value, IAttioValueCodec<string> codec, AttioValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(attribute, value is null ? null : $"\"{value}\"", "a non-empty value (it is the key the record is found by)");
            return false;
        }

        int before = errors.Errors.Count;
        codec.Validate(attribute, value.Trim(), errors);
        return errors.Errors.Count == before;
    }

    private static IReadOnlyList<AttioPlanValue> ValuesOf(AttioRecord? record, string objectSlug, AttioValidationErrors errors)
    {
        if (record is null)
        {
            return Array.Empty<AttioPlanValue>();
        }

        if (!string.Equals(record.ObjectSlug, objectSlug, StringComparison.Ordinal))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, "*", default, record.GetType().Name, $"a {objectSlug} record"));
            return Array.Empty<AttioPlanValue>();
        }

        return RecordValueCapture.Read(record, errors);
    }

    // The identify/group key goes first unless the record already has it; a clear of the key is replaced by the key.
    private static List<AttioPlanValue> WithKey(IReadOnlyList<AttioPlanValue> values, AttioAttributeInfo info, string key, IAttioValueCodec<string> codec)
    {
        var list = values.ToList();
        int index = list.FindIndex(v => v.Slug == info.Slug);
        if (index < 0)
        {
            list.Insert(0, AttioPlanValue.Of(info, key, codec));
        }
        else
        {
            list[index] = list[index] is AttioPlanValue<string> typed ? typed.WithFirst(key) : AttioPlanValue.Of(info, key, codec);
        }

        return list;
    }

    private static List<AttioPlanValue> Without(IReadOnlyList<AttioPlanValue> values, params string[] slugs) =>
        values.Where(v => !slugs.Contains(v.Slug)).ToList();

    // The record's own description of the attribute when it has one (so a renamed type or flag in the schema is honoured).
    private static AttioAttributeInfo InfoOf(AttioRecord? record, AttioAttributeInfo fallback, string? slug = null)
    {
        slug ??= fallback.Slug;
        return record?.GetAttributeInfos().FirstOrDefault(i => i.Slug == slug) ?? fallback;
    }
}
