namespace Attio;

/// <summary>What a plan wrote: the record each step's request returned, in step order.</summary>
public sealed class AttioPlanResult
{
    internal AttioPlanResult(AttioWritePlan plan, IReadOnlyList<AttioStoredRecord> records)
    {
        Plan = plan;
        Records = records;
    }

    /// <summary>The plan that ran.</summary>
    public AttioWritePlan Plan { get; }

    /// <summary>The record each step's (last) request returned, in step order.</summary>
    public IReadOnlyList<AttioStoredRecord> Records { get; }

    /// <summary>
    /// The record step <paramref name="step"/> wrote, as the last step that wrote it returned it (an append after an assert
    /// returns the record with the appended values).
    /// </summary>
    public AttioStoredRecord RecordOf(int step)
    {
        AttioStoredRecord latest = Records[step];
        for (int i = step + 1; i < Records.Count; i++)
        {
            if (Plan.Steps[i].RecordOfStep == step)
            {
                latest = Records[i];
            }
        }

        return latest;
    }

    /// <summary>The record of the first step (the record of an assert, create or update).</summary>
    public AttioStoredRecord Record => RecordOf(0);

    /// <summary>The result as an identify's: the person and the user.</summary>
    public AttioIdentifyResult ToIdentifyResult() => new(RecordOf(0), RecordOf(1));

    /// <summary>The result as a group's: the company and the workspace (with the user added, when one was).</summary>
    public AttioGroupResult ToGroupResult() => new(RecordOf(0), RecordOf(1));
}
