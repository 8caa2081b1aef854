package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.PetitionBatch;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PetitionBatchRepository implements PanacheRepositoryBase<PetitionBatch, Integer> {
}
