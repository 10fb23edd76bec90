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
class IncrementalEstateLoader
{
public:
    explicit IncrementalEstateLoader(EstateLoadOptions options = {}) : m_options(std::move(options))
    {}

    /// The estate of @p workspace as it is now. After an error (a cancel included) the next
    /// load starts again from nothing.
    [[nodiscard]] Result<Estate> load(Workspace &workspace);
    /// Forgets what was kept: the next load replays the evidence (another workspace).
    void reset();
    /// How many loads replayed the evidence (for the tests and the status line).
    int replays() const { return m_replays; }

private:
    struct EvidenceMark
    {
        qint64 count = -1;
        qint64 lastRow = -1;
        bool operator==(const EvidenceMark &) const = default;
    };
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
