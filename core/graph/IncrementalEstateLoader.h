// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/graph/EstateLoader.h"

namespace ta::core {

class Workspace;

/// Reads a workspace into an Estate again after an edit, redoing only what the edit changed.
///
/// The cheap parts (trust domains and authorities, anchors, rules, federation, credentials,
/// the design) are read every time. The expensive one, the evidence replayed through the
/// verifier and decided by the rules, is kept from the last load and redone only when what it
/// rests on changed: the trust domains or their authorities (the bundles), the anchors, the
/// rules, or the evidence (its count and last row). A design, credential or federation edit
/// therefore costs a few reads, not a replay of the timeline. The result equals
/// EstateLoader::load of the same workspace.
///
/// load() does it all at once. An application that must not wait for a replay splits it:
/// prepare() reads (on the workspace's thread), replay() replays what was read (on any thread),
/// finish() keeps the result and adds the design (on the workspace's thread again).
class IncrementalEstateLoader
{
    struct EvidenceMark
    {
        qint64 count = -1;
        qint64 lastRow = -1;
        bool operator==(const EvidenceMark &) const = default;
    };

public:
    /// What prepare() read, and the replay it leaves to replay() when one is needed.
    class Pending
    {
    public:
        /// Whether the evidence must be replayed (replay() does it) before finish().
        bool needsReplay() const { return m_replay; }
        /// How many evidence records the workspace holds.
        qint64 records() const { return m_mark.count; }

    private:
        friend class IncrementalEstateLoader;
        Estate m_next;
        EstateRuleSource m_rules;
        QByteArray m_anchors;
        EvidenceMark m_mark;
        bool m_replay = false;
        bool m_replayed = false;
        EstateReplayInput m_input;
    };

    explicit IncrementalEstateLoader(EstateLoadOptions options = {}) : m_options(std::move(options))
    {}

    /// The estate of @p workspace as it is now. After an error (a cancel included) the next
    /// load starts again from nothing.
    [[nodiscard]] Result<Estate> load(Workspace &workspace);
    /// Reads the cheap parts, and everything a replay needs when one is due: the replay's
    /// set-up and every evidence record, which @p setup gives it when there is one (the app's
    /// document hands over its records, its result cache and the results kept in the
    /// workspace), else read here. They are held until replay() is done with them.
    [[nodiscard]] Result<Pending> prepare(Workspace &workspace,
                                          const EstateLoader::ReplaySetup &setup = {});
    /// Replays the evidence when @p pending needs it: no workspace is touched, so this may run
    /// on a worker thread while the loader waits (@p options' progress may cancel).
    [[nodiscard]] static Result<void> replay(Pending &pending, const EstateLoadOptions &options);
    /// Keeps what @p pending read and replayed for the next load, and returns the estate with
    /// @p workspace's design. A Pending whose replay was not done (or failed) is an error, after
    /// which the next load starts from nothing.
    [[nodiscard]] Result<Estate> finish(Workspace &workspace, Pending pending);
    /// The options replays run with.
    const EstateLoadOptions &options() const { return m_options; }
    /// Forgets what was kept: the next load replays the evidence (another workspace).
    void reset();
    /// How many loads replayed the evidence (for the tests and the status line).
    int replays() const { return m_replays; }

private:
    [[nodiscard]] static Result<EvidenceMark> evidenceMark(Workspace &workspace);

    EstateLoadOptions m_options;
    bool m_valid = false;
    Estate m_base;
    EstateRuleSource m_rules;
    QByteArray m_anchors;
    EvidenceMark m_evidence;
    int m_replays = 0;
};

} // namespace ta::core
