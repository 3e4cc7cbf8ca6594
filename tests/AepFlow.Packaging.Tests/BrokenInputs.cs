namespace AepFlow.Packaging.Tests;

/// <summary>
/// The inputs a build must stop on, shared by the generating and the precompiled consumer tests: the same mistakes have to be
/// caught at the same lines whichever way the bundled types arrive.
/// </summary>
internal static class BrokenInputs
{
    /// <summary>A Program.cs whose line 3 sets interval 5 with frequency minute: AEPF010 (CRMToAEP wants at least 15).</summary>
    public const string MinuteInterval5Program = """
        using AepFlow.FlowSpecs;

        var schedule = new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 5 };
        Console.WriteLine(schedule);
        """;

    /// <summary>Writes <c>flows/daily.flow.json</c>, whose line 6 sets interval 10 with frequency minute: AEPF020.</summary>
    public static void WriteDailyFlowWithInterval10(string app)
    {
        Directory.CreateDirectory(Path.Combine(app, "flows"));
        File.WriteAllText(Path.Combine(app, "flows", "daily.flow.json"), """
            {
              "name": "daily",
              "flowSpec": { "id": "14518937-270c-4525-bdec-c2ba7cce3860", "version": "1.0" },
              "sourceConnectionIds": ["a"],
              "targetConnectionIds": ["b"],
              "scheduleParams": { "startTime": 1700000000, "frequency": "minute", "interval": 10 }
            }
            """);
    }
}
