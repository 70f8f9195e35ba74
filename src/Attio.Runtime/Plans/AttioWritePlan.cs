namespace Attio;

/// <summary>What a plan does, as a whole (decides the shape of its result).</summary>
public enum AttioPlanKind
{
    /// <summary>One assert (and any append that follows it).</summary>
    Assert,

    /// <summary>One create.</summary>
    Create,

    /// <summary>One update by record id.</summary>
    Update,

    /// <summary>A person by email, then a user by <c>user_id</c> linked to it.</summary>
    Identify,

    /// <summary>A company by domain, then a workspace by <c>workspace_id</c> linked to it, then optionally a user added to it.</summary>
    Group,
}

/// <summary>How a step writes its record.</summary>
public enum AttioWriteMode
{
    /// <summary><c>PUT /v2/objects/{object}/records?matching_attribute=…</c>: create or update the record the matching attribute finds.</summary>
    Assert,

    /// <summary><c>POST /v2/objects/{object}/records</c>.</summary>
    Create,

    /// <summary>
    /// <c>PATCH</c> by record id: multiselect values are added. PATCH cannot remove anything, so clears in such a step are
    /// sent with a PUT of their own (see <see cref="AttioWriteStep.Mode"/>).
    /// </summary>
    UpdateAppend,

    /// <summary><c>PUT</c> by record id: each attribute sent is replaced by exactly the values sent.</summary>
    UpdateOverwrite,
}

/// <summary>An attribute that points at the record an earlier step of the same plan wrote (filled with its record id when the step runs).</summary>
/// <param name="AttributeSlug">The record-reference attribute, e.g. <c>person</c>.</param>
/// <param name="TargetObject">The referenced object, e.g. <c>people</c>.</param>
/// <param name="Step">The index of the earlier step.</param>
public sealed record AttioPlanLink(string AttributeSlug, string TargetObject, int Step);

/// <summary>One request (sometimes two, see <see cref="AttioWriteMode.UpdateAppend"/>) of a plan.</summary>
public sealed class AttioWriteStep
{
    /// <summary>Creates a step; prefer <see cref="AttioActions"/>.</summary>
    public AttioWriteStep(string objectSlug, AttioWriteMode mode, IReadOnlyList<AttioPlanValue> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectSlug);
        ArgumentNullException.ThrowIfNull(values);
        ObjectSlug = objectSlug;
        Mode = mode;
        Values = values;
    }

    /// <summary>The object's slug.</summary>
    public string ObjectSlug { get; }

    /// <summary>How the record is written. A clear in an <see cref="AttioWriteMode.UpdateAppend"/> step goes out with PUT: PATCH keeps values.</summary>
    public AttioWriteMode Mode { get; }

    /// <summary>For an assert: the unique attribute the record is found by.</summary>
    public string? MatchingAttribute { get; init; }

    /// <summary>For an update: the record's id, when known when the plan is built.</summary>
    public string? RecordId { get; init; }

    /// <summary>For an update: the step whose record this step updates (its record id is known only when that step ran).</summary>
    public int? RecordOfStep { get; init; }

    /// <summary>The values written, one per attribute.</summary>
    public IReadOnlyList<AttioPlanValue> Values { get; }

    /// <summary>Attributes filled with the record id of an earlier step.</summary>
    public IReadOnlyList<AttioPlanLink> Links { get; init; } = Array.Empty<AttioPlanLink>();

    /// <summary>Added by the plan, not by the caller (the key an identify or group adds, a link): never reported as the caller's value.</summary>
    public IReadOnlyCollection<string> ImplicitSlugs { get; init; } = Array.Empty<string>();

    /// <summary>The value of <paramref name="slug"/>, or null.</summary>
    public AttioPlanValue? ValueOf(string slug)
    {
        foreach (AttioPlanValue value in Values)
        {
            if (value.Slug == slug)
            {
                return value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Mode switch
    {
        AttioWriteMode.Assert => $"assert {ObjectSlug} by {MatchingAttribute}",
        AttioWriteMode.Create => $"create {ObjectSlug}",
        _ => $"update {ObjectSlug} {RecordId ?? $"(record of step {RecordOfStep})"} ({(Mode == AttioWriteMode.UpdateAppend ? "append" : "overwrite")})",
    };
}

/// <summary>
/// A unit of work for Attio: ordered steps, each writing one record, later steps linking to records earlier steps wrote.
/// Built by <see cref="AttioActions"/>, run by <c>AttioClient.ExecuteAsync</c> or queued by <see cref="AttioSender"/>,
/// and serialisable (<see cref="ToJson"/> / <see cref="FromJson"/>) so it can be stored and run later.
/// </summary>
public sealed class AttioWritePlan
{
    /// <summary>The version of the JSON form written by <see cref="ToJson"/>.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a plan; prefer <see cref="AttioActions"/>, which validates what it builds.</summary>
    public AttioWritePlan(AttioPlanKind kind, IReadOnlyList<AttioWriteStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A plan needs at least one step.", nameof(steps));
        }

        for (int i = 0; i < steps.Count; i++)
        {
            CheckReferences(steps, i);
        }

        Kind = kind;
        Steps = steps;
    }

    /// <summary>What the plan does.</summary>
    public AttioPlanKind Kind { get; }

    /// <summary>The steps, run in order.</summary>
    public IReadOnlyList<AttioWriteStep> Steps { get; }

    /// <summary>
    /// This plan followed by an append (PATCH) of <paramref name="record"/>'s values to the record step <paramref name="step"/>
    /// wrote; unchanged when the record has nothing set.
    /// </summary>
    /// <exception cref="AttioValidationException">A value of <paramref name="record"/> is invalid.</exception>
    public AttioWritePlan ThenAppend(int step, AttioRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Steps.Count);
        var errors = new AttioValidationErrors();
        var values = RecordValueCapture.Read(record, errors);
        errors.ThrowIfAny();
        if (values.Count == 0)
        {
            return this;
        }

        var appended = new AttioWriteStep(record.ObjectSlug, AttioWriteMode.UpdateAppend, values) { RecordOfStep = step };
        return new AttioWritePlan(Kind, Steps.Append(appended).ToArray());
    }

    /// <summary>Every problem of every value in the plan (a plan read from JSON is checked again before it runs).</summary>
    public IReadOnlyList<AttioValidationError> GetValidationErrors()
    {
        var errors = new AttioValidationErrors();
        foreach (AttioWriteStep step in Steps)
        {
            foreach (AttioPlanValue value in step.Values)
            {
                value.Validate(errors);
            }

            if (step.Mode == AttioWriteMode.Assert && step.ValueOf(step.MatchingAttribute!) is not { IsClear: false })
            {
                errors.Add(new AttioValidationError(step.ObjectSlug, step.MatchingAttribute!, step.ValueOf(step.MatchingAttribute!)?.Attribute.Type ?? default, null,
                    "a value for the matching attribute (an assert finds the record by it)"));
            }
        }

        return errors.Errors;
    }

    /// <summary>The plan as JSON (with a <c>version</c> field), e.g. for a durable outbox.</summary>
    public string ToJson() => AttioPlanJson.Write(this);

    /// <summary>Reads a plan written by <see cref="ToJson"/>.</summary>
    /// <exception cref="AttioPlanFormatException">The JSON is not a plan, or of a version this runtime does not read.</exception>
    public static AttioWritePlan FromJson(string json) => AttioPlanJson.Read(json);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: " + string.Join("; ", Steps);

    private static void CheckReferences(IReadOnlyList<AttioWriteStep> steps, int index)
    {
        AttioWriteStep step = steps[index];
        switch (step.Mode)
        {
            case AttioWriteMode.Assert when string.IsNullOrEmpty(step.MatchingAttribute):
                throw new ArgumentException($"Step {index} ({step.ObjectSlug}) is an assert without a matching attribute.", nameof(steps));
            case AttioWriteMode.UpdateAppend or AttioWriteMode.UpdateOverwrite when step.RecordId is null == step.RecordOfStep is null:
                throw new ArgumentException($"Step {index} ({step.ObjectSlug}) is an update that needs exactly one of RecordId and RecordOfStep.", nameof(steps));
        }

        if (step.RecordOfStep is { } target && (target < 0 || target >= index))
        {
            throw new ArgumentException($"Step {index} updates the record of step {target}, which does not run before it.", nameof(steps));
        }

        foreach (AttioPlanLink link in step.Links)
        {
            if (link.Step < 0 || link.Step >= index)
            {
                throw new ArgumentException($"Step {index} links {link.AttributeSlug} to step {link.Step}, which does not run before it.", nameof(steps));
            }
        }
    }
}

/// <summary>The JSON is not a write plan this runtime can read (wrong shape, or a version it does not know).</summary>
public sealed class AttioPlanFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AttioPlanFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
