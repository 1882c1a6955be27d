"""What the referrals hold about an account, for the account export and deletion.

A connector's referrals hold other people's data (a first name, a contact): the connector's
export lists what they did (when, to which activities, the follow-ups they recorded), never
the referred people's data, which are not theirs to take away. The referred person has no
account: they see and delete their referral with their private link.

Deleting a connector's account keeps their referrals for the people and the activities (the
person's link and the activity's page still work) but no connector is named any more and
nobody follows them up; the retention limit erases them as usual. A volunteer companion's
pairings lose their companion.
"""

from orientation.models import Binome, FollowUp, Referral, ReferralOffer


def export_user_data(*, user) -> dict:
    binome = Binome.objects.filter(user=user).first()
    return {
        "referrals_made": [
            {
                "id": referral.pk,
                "referred_at": referral.created_at.isoformat(),
                "offers": [line.offer.title for line in referral.lines.all()],
            }
            for referral in Referral.objects.filter(connector=user).prefetch_related("lines__offer").order_by("pk")
        ],
        "follow_ups_recorded": [
            {"referral": f.line.referral_id, "months": f.months, "outcome": f.outcome, "at": f.recorded_at.isoformat()}
            for f in FollowUp.objects.filter(recorded_by=user).select_related("line").order_by("pk")
        ],
        "attendance_marked": [
            {"offer": line.offer.title, "attendance": line.attendance, "on": line.attendance_on.isoformat()}
            for line in ReferralOffer.objects.filter(attendance_by=user).select_related("offer").order_by("pk")
            if line.attendance_on
        ],
        "volunteer_companion": (
            {
                "since": binome.created_at.isoformat(),
                "neighbourhood": binome.neighbourhood,
                "first_visits": [
                    {
                        "offer": line.offer.title,
                        "on": line.binome_meeting_on.isoformat() if line.binome_meeting_on else None,
                    }
                    for line in binome.pairings.select_related("offer").order_by("pk")
                ],
            }
            if binome
            else None
        ),
    }


def erase_user_data(*, user) -> None:
    ReferralOffer.objects.filter(binome__user=user).update(binome=None, binome_meeting_on=None, paired_by=None)
    Binome.objects.filter(user=user).delete()
    Referral.objects.filter(connector=user).update(connector=None)
    ReferralOffer.objects.filter(attendance_by=user).update(attendance_by=None)
    ReferralOffer.objects.filter(paired_by=user).update(paired_by=None)
    FollowUp.objects.filter(recorded_by=user).update(recorded_by=None)
