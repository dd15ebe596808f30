package dev.ainfo.assistant.entity;

import dev.ainfo.profile.entity.Profile;

/** Who asks, in which conversation, and what their profile says about them (empty when unknown). */
public record Asker(String userId, long roomId, Profile profile) {

    public Asker {
        profile = profile == null ? Profile.EMPTY : profile;
    }
}
