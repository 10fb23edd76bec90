// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ta::core {

/// The EC2 API answers an aws_iid record may carry beside its identity document, which SPIRE's
/// server fetches itself: `instance`, one Reservations[].Instances[] element of
/// `aws ec2 describe-instances` (Tags, SecurityGroups, IamInstanceProfile, NetworkInterfaces),
/// and `instance_profile`, the `aws iam get-instance-profile` answer (InstanceProfile.Roles[].Arn)
/// for the instance's profile: SPIRE's iamrole selector names the roles, which the instance
/// itself does not list. Nothing signs them, so each must name what the signed document names.
class AwsRecordedInstance
{
public:
    /// What the verified identity document says.
    struct Document
    {
        QString accountId;
        QString availabilityZone;
        QString instanceId;
        QString imageId;
    };

    /// Reads payload.instance and payload.instance_profile (each optional; a profile needs the
    /// instance) and cross-checks them with @p document: malformed when one is not of its
    /// shape, claim_mismatch for the instance ID, image, availability zone (so the region), the
    /// account of each network interface and ARN, and a profile other than the instance's. An
    /// instance with a profile but no recorded profile is warned about: its iamrole selectors
    /// cannot be known.
    static AwsRecordedInstance read(const QJsonObject &payload, const Document &document,
                                    AttestationResult &result);

    /// tag:<key>:<value>, sg:id:<id>, sg:name:<name>, iamrole:<role ARN>, prefixed aws_iid:.
    QStringList selectors() const;
    /// Adds tags, security_groups, instance_profile and iam_roles to claims.node.
    void addClaims(QJsonObject &claims) const;

private:
    QStringList roles() const;

    QJsonObject m_instance;
    QJsonObject m_profile;
};

} // namespace ta::core
