namespace AepFlow.Cli.Specs;

/// <summary>What a pull did to the output folder.</summary>
/// <param name="Added">Spec files that did not exist before.</param>
/// <param name="Changed">Spec files whose content changed.</param>
/// <param name="Removed">Spec files of specs the sandbox no longer has.</param>
/// <param name="Unchanged">Spec files already identical.</param>
internal sealed record PullOutcome(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, int Unchanged)
{
    public bool IsUpToDate => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}

/// <summary>
/// Replaces the spec files of a folder as one step: the new folder is assembled beside the old one (other files carried over),
/// then swapped in with two directory renames. A failure before the swap leaves the old folder untouched; a folder whose
/// specs are already identical is not touched at all, so a second pull changes nothing, not even timestamps.
/// </summary>
internal static class SpecFolderWriter
{
    public static PullOutcome Write(string outDir, IReadOnlyList<PulledSpec> specs)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var existing = ExistingSpecFiles(target);
        var added = new List<string>();
        var changed = new List<string>();
        var unchanged = 0;
        foreach (var spec in specs)
        {
            if (!existing.TryGetValue(spec.FileName, out var path))
            {
                added.Add(spec.FileName);
            }
            else if (File.ReadAllBytes(path).AsSpan().SequenceEqual(spec.Content))
            {
                unchanged++;
            }
            else
            {
                changed.Add(spec.FileName);
            }
        }

        added.Sort(StringComparer.Ordinal);
        changed.Sort(StringComparer.Ordinal);
        var written = specs.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Keys.Where(name => !written.Contains(name)).Order(StringComparer.Ordinal).ToList();
        var outcome = new PullOutcome(added, changed, removed, unchanged);
        if (outcome.IsUpToDate && Directory.Exists(target))
        {
            return outcome;
        }

        var parent = Path.GetDirectoryName(target) ?? throw new SpecPullException($"'{outDir}' has no parent folder to stage the pull in.");
        Directory.CreateDirectory(parent);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.pull-{suffix}");
        var backup = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{suffix}");
        try
        {
            Directory.CreateDirectory(staging);
            if (Directory.Exists(target))
            {
                CopyOtherFiles(target, staging, existing.Values.ToHashSet(StringComparer.Ordinal));
            }

            foreach (var spec in specs)
            {
                File.WriteAllBytes(Path.Combine(staging, spec.FileName), spec.Content);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new SpecPullException($"Could not prepare the new spec folder beside '{outDir}': {ex.Message}", ex);
        }

        Swap(target, staging, backup, outDir);
        return outcome;
    }

    /// <summary>The top-level <c>*.flowspec.json</c>/<c>*.connectionspec.json</c> files of <paramref name="folder"/>, by file name.</summary>
    private static Dictionary<string, string> ExistingSpecFiles(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(SpecKinds.FlowSpecSuffix, StringComparison.OrdinalIgnoreCase) ||
                name.EndsWith(SpecKinds.ConnectionSpecSuffix, StringComparison.OrdinalIgnoreCase))
            {
                files[name] = path;
            }
        }

        return files;
    }

    /// <summary>Everything in the old folder that the pull does not own (a README, sub-folders) moves into the new one.</summary>
    private static void CopyOtherFiles(string from, string to, HashSet<string> specFiles)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (!specFiles.Contains(file))
            {
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
            }
        }
    }

    private static void Swap(string target, string staging, string backup, string outDir)
    {
        var hadTarget = Directory.Exists(target);
        try
        {
            if (hadTarget)
            {
                Directory.Move(target, backup);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new SpecPullException($"Could not replace '{outDir}' (is a file in it open?): {ex.Message}", ex);
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Put the old folder back so the user is left exactly where they started.
            if (hadTarget)
            {
                Directory.Move(backup, target);
            }

            TryDelete(staging);
            throw new SpecPullException($"Could not move the new specs into '{outDir}': {ex.Message}", ex);
        }

        if (hadTarget)
        {
            TryDelete(backup);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder is harmless; the user's folder is already in its final state.
        }
    }
}
