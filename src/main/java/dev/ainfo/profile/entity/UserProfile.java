package dev.ainfo.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The stored form of a user's {@link Profile}: one row per user, keyed by the token's user id. */
@Entity
@Table(name = "user_profile")
public class UserProfile {

    @Id
    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "birth_year")
    private Integer birthYear;

    @Column(length = 8)
    private String province;

    @Column(length = 40)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Profile.Status status;

    @Convert(converter = InterestsConverter.class)
    @Column(nullable = false, length = 4000)
    private List<String> interests;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfile() {
    }

    public UserProfile(String userId, Profile profile, Instant now) {
        this.userId = userId;
        replace(profile, now);
    }

    public void replace(Profile profile, Instant now) {
        this.birthYear = profile.birthYear();
        this.province = profile.province();
        this.district = profile.district();
        this.status = profile.status();
        this.interests = profile.interests();
        this.updatedAt = now;
    }

    public Profile toProfile() {
        return new Profile(birthYear, province, district, status, interests);
    }

    public String getUserId() {
        return userId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
